package io.gatehouse.web.query;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Tag;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryParametersTest {

    private static QueryParameters parse(String form) {
        return new QueryParameters(QueryParameters.parseForm(form, new LinkedHashMap<>()));
    }

    @Test
    void decodesFormEncodingIncludingPlusAsSpace() {
        QueryParameters params = parse("Action=CreateUser&Path=%2Fdivision%2F&Note=a+b");

        assertEquals("CreateUser", params.required("Action"));
        assertEquals("/division/", params.required("Path"));
        assertEquals(Optional.of("a b"), params.optional("Note"));
    }

    @Test
    void aMissingRequiredParameterIsNamedInTheError() {
        IamException e = assertThrows(IamException.class, () -> parse("Action=CreateUser").required("UserName"));

        assertEquals(ErrorCode.MISSING_PARAMETER, e.code());
        assertTrue(e.getMessage().contains("UserName"));
    }

    @Test
    void readsMemberListsInIndexOrder() {
        QueryParameters params = parse("TagKeys.member.2=b&TagKeys.member.1=a&TagKeys.member.3=c");

        assertEquals(List.of("a", "b", "c"), params.list("TagKeys"));
    }

    @Test
    void readsTagsAsKeyValuePairs() {
        QueryParameters params = parse("Tags.member.1.Key=team&Tags.member.1.Value=blue&Tags.member.2.Key=env&Tags.member.2.Value=");

        assertEquals(List.of(new Tag("team", "blue"), new Tag("env", "")), params.tags("Tags"));
    }

    @Test
    void aTagWithoutValueIsAMissingParameter() {
        IamException e = assertThrows(IamException.class, () -> parse("Tags.member.1.Key=team").tags("Tags"));

        assertEquals(ErrorCode.MISSING_PARAMETER, e.code());
        assertTrue(e.getMessage().contains("Tags.member.1.Value"));
    }

    @Test
    void maxItemsMustBeANumberInRange() {
        assertEquals(100, parse("").page().maxItems());
        assertEquals(ErrorCode.VALIDATION_ERROR, assertThrows(IamException.class, () -> parse("MaxItems=abc").page()).code());
        assertEquals(ErrorCode.VALIDATION_ERROR, assertThrows(IamException.class, () -> parse("MaxItems=0").page()).code());
    }

    @Test
    void aParameterGivenTwiceIsRefused() {
        Map<String, String> into = new LinkedHashMap<>();

        assertThrows(IamException.class, () -> QueryParameters.parseForm("UserName=a&UserName=b", into));
    }

    @Test
    void badPercentEncodingIsMalformed() {
        IamException e = assertThrows(IamException.class, () -> parse("UserName=%zz"));

        assertEquals(ErrorCode.MALFORMED_QUERY_STRING, e.code());
    }

    @Test
    void readsBooleansInAnyCaseAndRefusesOtherWords() {
        QueryParameters params = parse("RequireSymbols=true&RequireNumbers=False&HardExpiry=yes");

        assertEquals(Optional.of(true), params.optionalBoolean("RequireSymbols"));
        assertEquals(Optional.of(false), params.optionalBoolean("RequireNumbers"));
        assertEquals(Optional.empty(), params.optionalBoolean("AllowUsersToChangePassword"));
        IamException e = assertThrows(IamException.class, () -> params.optionalBoolean("HardExpiry"));
        assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
    }
}
