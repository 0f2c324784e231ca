package io.gatehouse.federation.saml;

import io.gatehouse.core.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static io.gatehouse.federation.saml.SamlFixtures.IDP_KEY;
import static io.gatehouse.federation.saml.SamlFixtures.refused;
import static io.gatehouse.federation.saml.SamlFixtures.signedAssertion;
import static io.gatehouse.federation.saml.SamlFixtures.trust;
import static io.gatehouse.federation.saml.SamlFixtures.validator;
import static io.gatehouse.federation.saml.SamlFixtures.validatorAt;
import static io.gatehouse.federation.saml.SamlResponseBuilder.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Status, issuer, audience, recipient, validity window, InResponseTo, and safe parsing. */
class SamlResponseValidatorTest {

    @Test
    void answersWhatTheSignedAssertionSays() {
        String response = signedAssertion()
                .attribute(AwsSamlAttributes.ROLE_SESSION_NAME, "alice")
                .attribute("groups", "admins", "developers")
                .base64();

        ValidatedAssertion assertion = validator().validate(response, trust());

        assertEquals(SamlResponseBuilder.IDP, assertion.issuer());
        assertEquals("alice@example.com", assertion.subject());
        assertEquals("persistent", assertion.subjectType());
        assertEquals(Optional.of(NOW.minusSeconds(30)), assertion.authnInstant());
        assertEquals(List.of("alice"), assertion.attribute(AwsSamlAttributes.ROLE_SESSION_NAME));
        assertEquals(List.of("admins", "developers"), assertion.attribute("groups"));
        assertEquals(Optional.empty(), assertion.inResponseTo());
    }

    @Test
    void keepsTheAssertionIdUntilTheEarliestBoundPlusClockSkew() {
        String response = signedAssertion().confirmationNotOnOrAfter(NOW.plus(Duration.ofMinutes(3)))
                .notOnOrAfter(NOW.plus(Duration.ofMinutes(10))).base64();

        ValidatedAssertion assertion = validator().validate(response, trust());

        assertEquals(NOW.plus(Duration.ofMinutes(3)).plus(SamlResponseValidator.DEFAULT_CLOCK_SKEW),
                assertion.notOnOrAfter());
    }

    @Test
    void reportsOtherNameIdFormatsInFull() {
        String format = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
        String response = signedAssertion().nameId("alice@example.com", format).base64();

        assertEquals(format, validator().validate(response, trust()).subjectType());
    }

    @Test
    void refusesNonSuccessStatusAsRejectedClaim() {
        String response = new SamlResponseBuilder().status("urn:oasis:names:tc:SAML:2.0:status:Responder").base64();

        var refusal = refused(ErrorCode.IDP_REJECTED_CLAIM, () -> validator().validate(response, trust()));
        assertTrue(refusal.getMessage().contains("Responder"), refusal.getMessage());
    }

    @Test
    void refusesAssertionFromAnotherIssuer() {
        String response = signedAssertion().issuer("https://other-idp.example.com").base64();

        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN, () -> validator().validate(response, trust()));
        assertTrue(refusal.getMessage().contains("Issuer"), refusal.getMessage());
    }

    @Test
    void refusesSignedResponseWhoseAssertionNamesAnotherIssuer() {
        String response = new SamlResponseBuilder().signResponseWith(IDP_KEY)
                .assertionIssuer("https://other-idp.example.com").base64();

        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN, () -> validator().validate(response, trust()));
        assertTrue(refusal.getMessage().contains("Issuer of the SAML Assertion"), refusal.getMessage());
    }

    @Test
    void refusesWrongAudience() {
        String response = signedAssertion().audience("https://someone-else.example.com/saml").base64();

        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN, () -> validator().validate(response, trust()));
        assertTrue(refusal.getMessage().contains("AudienceRestriction"), refusal.getMessage());
    }

    @Test
    void refusesWrongRecipient() {
        String response = signedAssertion().recipient("https://someone-else.example.com/acs").base64();

        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN, () -> validator().validate(response, trust()));
        assertTrue(refusal.getMessage().contains("Recipient"), refusal.getMessage());
    }

    @Test
    void refusesWrongDestination() {
        String response = signedAssertion().destination("https://someone-else.example.com/acs").base64();

        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN, () -> validator().validate(response, trust()));
        assertTrue(refusal.getMessage().contains("Destination"), refusal.getMessage());
    }

    @Test
    void refusesAssertionPastItsConditionsAsExpired() {
        String response = signedAssertion().notOnOrAfter(NOW.plus(Duration.ofMinutes(2))).base64();

        var refusal = refused(ErrorCode.EXPIRED_TOKEN_EXCEPTION,
                () -> validatorAt(NOW.plus(Duration.ofMinutes(7))).validate(response, trust()));
        assertTrue(refusal.getMessage().contains("Conditions"), refusal.getMessage());
    }

    @Test
    void refusesAssertionPastItsBearerConfirmationAsExpired() {
        String response = signedAssertion().confirmationNotOnOrAfter(NOW.plus(Duration.ofMinutes(1)))
                .notOnOrAfter(NOW.plus(Duration.ofHours(1))).base64();

        var refusal = refused(ErrorCode.EXPIRED_TOKEN_EXCEPTION,
                () -> validatorAt(NOW.plus(Duration.ofMinutes(6))).validate(response, trust()));
        assertTrue(refusal.getMessage().contains("SubjectConfirmationData"), refusal.getMessage());
    }

    @Test
    void toleratesClockSkewAtTheEndOfTheWindow() {
        String response = signedAssertion().confirmationNotOnOrAfter(NOW.plus(Duration.ofMinutes(1)))
                .notOnOrAfter(NOW.plus(Duration.ofMinutes(1))).base64();

        assertEquals("_assertion-1",
                validatorAt(NOW.plus(Duration.ofMinutes(4))).validate(response, trust()).assertionId());
    }

    @Test
    void refusesAssertionNotYetValid() {
        String response = signedAssertion().notBefore(NOW.plus(Duration.ofMinutes(6))).base64();

        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN, () -> validator().validate(response, trust()));
        assertTrue(refusal.getMessage().contains("not yet valid"), refusal.getMessage());
    }

    @Test
    void reportsInResponseToWithoutMatchingItForAssumeRoleWithSaml() {
        String response = signedAssertion().inResponseTo("_request-7").base64();

        assertEquals(Optional.of("_request-7"), validator().validate(response, trust()).inResponseTo());
    }

    @Test
    void acceptsResponseAnsweringTheRequestSent() {
        String response = signedAssertion().inResponseTo("_request-7").base64();

        assertEquals(Optional.of("_request-7"),
                validator().validate(response, trust(), Solicitation.answering("_request-7")).inResponseTo());
    }

    @Test
    void refusesResponseAnsweringAnotherRequest() {
        String response = signedAssertion().inResponseTo("_request-8").base64();

        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN,
                () -> validator().validate(response, trust(), Solicitation.answering("_request-7")));
        assertTrue(refusal.getMessage().contains("InResponseTo"), refusal.getMessage());
    }

    @Test
    void refusesUnsolicitedResponseWhenARequestWasSent() {
        String response = signedAssertion().base64();

        refused(ErrorCode.INVALID_IDENTITY_TOKEN,
                () -> validator().validate(response, trust(), Solicitation.answering("_request-7")));
    }

    @Test
    void acceptsRequestMatchOnASignedResponse() {
        String response = new SamlResponseBuilder().signResponseWith(IDP_KEY).responseOnlyInResponseTo("_request-7").base64();

        assertEquals(Optional.of("_request-7"),
                validator().validate(response, trust(), Solicitation.answering("_request-7")).inResponseTo());
    }

    @Test
    void refusesRequestMatchCarriedOnlyByTheUnsignedResponse() {
        String response = signedAssertion().responseOnlyInResponseTo("_request-7").base64();

        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN,
                () -> validator().validate(response, trust(), Solicitation.answering("_request-7")));
        assertTrue(refusal.getMessage().contains("SubjectConfirmationData"), refusal.getMessage());
    }

    @Test
    void refusesSolicitedResponseAtTheIdpInitiatedEndpoint() {
        String response = signedAssertion().inResponseTo("_request-7").base64();

        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN,
                () -> validator().validate(response, trust(), Solicitation.unsolicited()));
        assertTrue(refusal.getMessage().contains("none was sent"), refusal.getMessage());
    }

    @Test
    void refusesDoctypeDeclaration() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + SamlResponseBuilder.serialize(signedAssertion().document()).replace("alice@example.com", "&x;");

        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN, () -> validator().validate(base64(xml), trust()));
        assertTrue(refusal.getMessage().contains("DOCTYPE"), refusal.getMessage());
    }

    @Test
    void refusesEntityExpansionBomb() {
        String xml = "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><r>&c;&c;&c;&c;</r>";

        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN, () -> validator().validate(base64(xml), trust()));
        assertTrue(refusal.getMessage().contains("DOCTYPE"), refusal.getMessage());
    }

    @Test
    void refusesEncryptedAssertionAsUnsupported() {
        String xml = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" "
                + "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_r\" Version=\"2.0\">"
                + "<samlp:Status><samlp:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/></samlp:Status>"
                + "<saml:EncryptedAssertion/></samlp:Response>";

        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN, () -> validator().validate(base64(xml), trust()));
        assertTrue(refusal.getMessage().contains("Encrypted SAML assertions are not supported"), refusal.getMessage());
    }

    @Test
    void refusesSamlAssertionLongerThanAwsAllowsAsValidationError() {
        String tooLong = "A".repeat(SamlResponseValidator.MAX_LENGTH + 1);

        refused(ErrorCode.VALIDATION_ERROR, () -> validator().validate(tooLong, trust()));
    }

    @Test
    void refusesTextThatIsNotBase64() {
        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN, () -> validator().validate("<samlp:Response/>", trust()));
        assertTrue(refusal.getMessage().contains("base64"), refusal.getMessage());
    }

    @Test
    void acceptsBase64WrappedOverSeveralLines() {
        String wrapped = signedAssertion().base64().replaceAll("(.{76})", "$1\r\n");

        assertEquals("_assertion-1", validator().validate(wrapped, trust()).assertionId());
    }

    private static String base64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }
}
