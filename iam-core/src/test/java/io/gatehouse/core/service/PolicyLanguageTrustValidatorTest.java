package io.gatehouse.core.service;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The interim trust policy check: size, JSON syntax, a Statement, a Principal in each statement. */
class PolicyLanguageTrustValidatorTest {

    private final TrustPolicyValidator validator = new PolicyLanguageTrustValidator();

    private static String trustPolicy(String statement) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":" + statement + "}";
    }

    private static final String EC2_MAY_ASSUME = """
            {"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}""";

    @Test
    void acceptsAServiceTrustPolicy() {
        assertDoesNotThrow(() -> validator.validate(trustPolicy("[" + EC2_MAY_ASSUME + "]")));
    }

    @Test
    void acceptsASingleStatementObject() {
        assertDoesNotThrow(() -> validator.validate(trustPolicy(EC2_MAY_ASSUME)));
    }

    @Test
    void refusesAStatementWithoutPrincipal() {
        IamException e = malformed(() -> validator.validate(trustPolicy(
                "[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\"}]")));

        assertTrue(e.getMessage().contains("Principal"), e.getMessage());
    }

    @Test
    void refusesAStatementWithAResource() {
        IamException e = malformed(() -> validator.validate(trustPolicy(
                "[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]")));

        assertTrue(e.getMessage().contains("Has prohibited field Resource"), e.getMessage());
    }

    @Test
    void refusesADocumentWithoutStatement() {
        IamException e = malformed(() -> validator.validate("{\"Version\":\"2012-10-17\"}"));

        assertTrue(e.getMessage().contains("Statement"), e.getMessage());
    }

    @Test
    void refusesJsonThatIsNotAnObject() {
        malformed(() -> validator.validate("[]"));
    }

    @Test
    void refusesBrokenJsonNamingThePosition() {
        IamException e = malformed(() -> validator.validate("{\"Statement\": [" + EC2_MAY_ASSUME + "}"));

        assertTrue(e.getMessage().matches(".*line \\d+, column \\d+.*"), e.getMessage());
    }

    @Test
    void refusesTextAfterTheDocument() {
        malformed(() -> validator.validate(trustPolicy(EC2_MAY_ASSUME) + " x"));
    }

    @Test
    void doesNotCountWhitespaceTowardsTheSizeQuota() {
        String padded = trustPolicy(EC2_MAY_ASSUME).replace(",", ",\n" + " ".repeat(3000));

        assertDoesNotThrow(() -> validator.validate(padded));
    }

    @Test
    void refusesADocumentAboveTheQuotaAsLimitExceeded() {
        String big = trustPolicy("[" + (EC2_MAY_ASSUME + ",").repeat(30) + EC2_MAY_ASSUME + "]");

        IamException e = assertThrows(IamException.class, () -> validator.validate(big));

        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertTrue(e.getMessage().contains("2048"), e.getMessage());
    }

    private static IamException malformed(Executable call) {
        IamException e = assertThrows(IamException.class, call);
        assertEquals(ErrorCode.MALFORMED_POLICY_DOCUMENT, e.code(), e.getMessage());
        return e;
    }
}
