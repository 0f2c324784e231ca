package io.gatehouse.federation.saml;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.gatehouse.federation.saml.SamlFixtures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the browser sign-in reads beside AWS's attributes: the saml: keys, and the routing of a posted response. */
class BrowserSignInAttributesTest {

    private static final String PROVIDER = "arn:aws:iam::123456789012:saml-provider/Corp";
    private static final AccountId ACCOUNT = new AccountId("123456789012");

    private final Map<String, List<String>> attributes = new LinkedHashMap<>();

    @Test
    void aSignInWithoutRoleAttributeLeavesTheRolesToTheMappingRules() {
        attributes.put(AwsSamlAttributes.ROLE_SESSION_NAME, List.of("alice"));

        assertEquals(List.of(), AwsSamlAttributes.readForSignIn(assertion("alice@example.com")).roles());
    }

    @Test
    void aSignInWithoutRoleSessionNameIsNamedAfterTheNameId() {
        assertEquals("alice@example.com",
                AwsSamlAttributes.readForSignIn(assertion("alice@example.com")).roleSessionName());
    }

    @Test
    void aNameIdThatIsNoSessionNameNeedsARoleSessionName() {
        refused(ErrorCode.INVALID_IDENTITY_TOKEN,
                () -> AwsSamlAttributes.readForSignIn(assertion("CN=Alice Liddell,OU=Users")));
    }

    @Test
    void assumeRoleWithSamlStillRequiresTheRoleAttribute() {
        attributes.put(AwsSamlAttributes.ROLE_SESSION_NAME, List.of("alice"));

        refused(ErrorCode.INVALID_IDENTITY_TOKEN, () -> AwsSamlAttributes.read(assertion("alice")));
    }

    @Test
    void wellKnownAttributesBecomeSamlConditionKeysWithAllTheirValues() {
        attributes.put("urn:oid:1.3.6.1.4.1.5923.1.1.1.1", List.of("staff", "member"));
        attributes.put("urn:oid:0.9.2342.19200300.100.1.3", List.of("alice@example.com"));
        attributes.put("department", List.of("Engineering"));

        Map<String, List<String>> keys = SamlConditionKeys.of(assertion("alice"), ACCOUNT, "Corp",
                "https://iam.example.com/signin/saml/acs");

        assertEquals(List.of("staff", "member"), keys.get("saml:edupersonaffiliation"));
        assertEquals(List.of("alice@example.com"), keys.get("saml:mail"));
        assertFalse(keys.containsKey("saml:department"));
        assertFalse(keys.containsKey("saml:cn"));
    }

    @Test
    void theCommonNameIsOfferedUnderBothOfAwsKeys() {
        attributes.put("urn:oid:2.5.4.3", List.of("Alice Liddell"));

        Map<String, List<String>> keys = SamlConditionKeys.of(assertion("alice"), ACCOUNT, "Corp",
                "https://iam.example.com/signin/saml/acs");

        assertEquals(List.of("Alice Liddell"), keys.get("saml:cn"));
        assertEquals(List.of("Alice Liddell"), keys.get("saml:commonName"));
    }

    @Test
    void theFixedKeysNameTheAudienceIssuerSubjectAndProvider() {
        Map<String, List<String>> keys = SamlConditionKeys.of(assertion("alice"), ACCOUNT, "Corp",
                "https://iam.example.com/signin/saml/acs");

        assertEquals(List.of("https://iam.example.com/signin/saml/acs"), keys.get("saml:aud"));
        assertEquals(List.of(SamlResponseBuilder.IDP), keys.get("saml:iss"));
        assertEquals(List.of("alice"), keys.get("saml:sub"));
        assertEquals(List.of("persistent"), keys.get("saml:sub_type"));
        assertEquals(List.of("123456789012/Corp"), keys.get("saml:doc"));
        assertEquals(List.of(AwsSamlAttributes.nameQualifier(SamlResponseBuilder.IDP, ACCOUNT, "Corp")),
                keys.get("saml:namequalifier"));
    }

    @Test
    void routingReadsTheProvidersTheRoleAttributeNames() {
        String response = SamlFixtures.signedAssertion()
                .attribute(AwsSamlAttributes.ROLE, "arn:aws:iam::123456789012:role/A," + PROVIDER,
                        PROVIDER + ",arn:aws:iam::123456789012:role/B").base64();

        ResponseRouting routing = ResponseRouting.read(response);

        assertEquals(Set.of(PROVIDER), routing.rolePrincipalArns());
        assertTrue(routing.inResponseTo().isEmpty());
    }

    @Test
    void routingReadsTheRequestAResponseClaimsToAnswer() {
        ResponseRouting routing = ResponseRouting.read(SamlFixtures.signedAssertion().inResponseTo("_req-1").base64());

        assertEquals(Optional.of("_req-1"), routing.inResponseTo());
    }

    @Test
    void routingRefusesWhatIsNoSamlResponse() {
        refused(ErrorCode.INVALID_IDENTITY_TOKEN, () -> ResponseRouting.read("bm90IHhtbA=="));
    }

    private ValidatedAssertion assertion(String subject) {
        return new ValidatedAssertion("_a", Instant.parse("2026-12-01T10:10:00Z"), SamlResponseBuilder.IDP, subject,
                "persistent", Optional.empty(), Optional.empty(), attributes);
    }
}
