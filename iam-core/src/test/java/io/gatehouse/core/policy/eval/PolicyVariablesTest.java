package io.gatehouse.core.policy.eval;

import static io.gatehouse.core.policy.PolicyJson.allow;
import static io.gatehouse.core.policy.PolicyJson.policy;
import static io.gatehouse.core.policy.eval.Fixtures.aliceRequest;
import static io.gatehouse.core.policy.eval.Fixtures.allowed;
import static io.gatehouse.core.policy.eval.Fixtures.request;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.core.policy.PolicyJson;
import org.junit.jupiter.api.Test;

class PolicyVariablesTest {

    private static final PolicyJson HOME = policy().with(allow("s3:GetObject")
            .resource("arn:aws:s3:::home/${aws:username}/*"));

    @Test
    void substitutesTheUserNameInResources() {
        // Rule: ${aws:username} becomes the caller's user name before the resource is matched.
        assertTrue(allowed(request("s3:GetObject", "arn:aws:s3:::home/alice/notes.txt"), HOME));
        assertFalse(allowed(request("s3:GetObject", "arn:aws:s3:::home/bob/notes.txt"), HOME));
    }

    @Test
    void substitutesTheUserId() {
        var p = policy().with(allow("s3:GetObject").resource("arn:aws:s3:::ids/${aws:userid}/*"));
        assertTrue(allowed(request("s3:GetObject", "arn:aws:s3:::ids/AIDAEXAMPLEALICE000001/x"), p));
    }

    @Test
    void substitutesPrincipalTagsAndAnyRequestKey() {
        var p = policy().with(allow("s3:GetObject").resource("arn:aws:s3:::${aws:PrincipalTag/team}/${s3:prefix}"));
        RequestContext r = aliceRequest("s3:GetObject", "arn:aws:s3:::blue/docs")
                .key("aws:PrincipalTag/team", "blue").key("s3:prefix", "docs").build();
        assertTrue(allowed(r, p));
    }

    @Test
    void aVariableWithoutValueMatchesNothing() {
        // Rule: a variable the request cannot resolve makes that resource entry not match.
        var p = policy().with(allow("s3:GetObject").resource("arn:aws:s3:::${aws:PrincipalTag/team}/*"));
        assertFalse(allowed(request("s3:GetObject", "arn:aws:s3:::blue/docs"), p));
    }

    @Test
    void usesTheDefaultWhenTheKeyIsMissing() {
        // Rule: ${key, 'default'} falls back to the default text.
        var p = policy().with(allow("s3:GetObject").resource("arn:aws:s3:::${aws:PrincipalTag/team, 'shared'}/*"));
        assertTrue(allowed(request("s3:GetObject", "arn:aws:s3:::shared/x"), p));
    }

    @Test
    void specialCharacterVariablesAreLiteral() {
        // Rule: ${*}, ${?} and ${$} stand for the characters themselves, not for wildcards.
        var p = policy().with(allow("s3:GetObject").resource("arn:aws:s3:::b/${*}${?}${$}"));
        assertTrue(allowed(request("s3:GetObject", "arn:aws:s3:::b/*?$"), p));
        assertFalse(allowed(request("s3:GetObject", "arn:aws:s3:::b/xy$"), p));
    }

    @Test
    void aVariableValueNeverActsAsAWildcard() {
        var p = policy().with(allow("s3:GetObject").resource("arn:aws:s3:::${aws:PrincipalTag/team}"));
        RequestContext r = aliceRequest("s3:GetObject", "arn:aws:s3:::anything").key("aws:PrincipalTag/team", "*").build();
        assertFalse(allowed(r, p));
    }

    @Test
    void substitutesInStringConditionValues() {
        // Rule: variables work in the values of string and ARN operators.
        var p = policy().with(allow("s3:ListBucket").condition("StringLike", "s3:prefix", "home/${aws:username}/*"));
        assertTrue(allowed(aliceRequest("s3:ListBucket", "*").key("s3:prefix", "home/alice/x").build(), p));
        assertFalse(allowed(aliceRequest("s3:ListBucket", "*").key("s3:prefix", "home/bob/x").build(), p));
    }

    @Test
    void version2008TreatsVariablesAsLiteralText() {
        // Rule: the 2008-10-17 language (also the default without Version) has no policy variables.
        var old = policy().version("2008-10-17").with(allow("s3:GetObject").resource("arn:aws:s3:::home/${aws:username}/*"));
        assertFalse(allowed(request("s3:GetObject", "arn:aws:s3:::home/alice/notes.txt"), old));
        assertTrue(allowed(request("s3:GetObject", "arn:aws:s3:::home/${aws:username}/notes.txt"), old));
    }

    @Test
    void aMissingVersionTreatsVariablesAsLiteralText() {
        var none = policy().noVersion().with(allow("s3:GetObject").resource("arn:aws:s3:::home/${aws:username}/*"));
        assertFalse(allowed(request("s3:GetObject", "arn:aws:s3:::home/alice/notes.txt"), none));
    }
}
