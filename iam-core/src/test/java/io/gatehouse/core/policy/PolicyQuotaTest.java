package io.gatehouse.core.policy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gatehouse.core.error.ErrorCode;
import org.junit.jupiter.api.Test;

class PolicyQuotaTest {

    @Test
    void doesNotCountWhitespace() {
        // IAM measures policy size without whitespace: indentation never costs quota.
        String json = "{" + " ".repeat(10_000) + "\n".repeat(100) + "x".repeat(2_047) + "}";
        assertThrows(PolicySizeExceededException.class, () -> PolicyQuota.INLINE_USER.check(json));
        assertDoesNotThrow(() -> PolicyQuota.INLINE_USER.check("{" + " ".repeat(10_000) + "x".repeat(2_046) + "}"));
    }

    @Test
    void hasIamsQuotaPerPolicyKind() {
        assertEquals(6_144, PolicyQuota.MANAGED.maxCharacters());
        assertEquals(2_048, PolicyQuota.INLINE_USER.maxCharacters());
        assertEquals(5_120, PolicyQuota.INLINE_GROUP.maxCharacters());
        assertEquals(10_240, PolicyQuota.INLINE_ROLE.maxCharacters());
    }

    @Test
    void answersLimitExceededWithThePositionOfTheFirstCharacterOver() {
        PolicySizeExceededException e = assertThrows(PolicySizeExceededException.class,
                () -> PolicyQuota.INLINE_USER.check("ab\n" + "c".repeat(2_100)));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertEquals(2, e.position().line());
        assertEquals(2_047, e.position().column());
        assertEquals("Cannot exceed quota for PolicySize: 2048 (line 2, column 2047)", e.getMessage());
    }

    @Test
    void checksTheQuotaBeforeParsing() {
        String big = PolicyJson.policy().with(PolicyJson.allow("s3:GetObject").resource(
                "arn:aws:s3:::" + "b".repeat(7_000))).json();
        assertThrows(PolicySizeExceededException.class,
                () -> PolicyParser.parse(big, PolicyKind.IDENTITY, PolicyQuota.MANAGED));
        assertDoesNotThrow(() -> PolicyParser.parse(big, PolicyKind.IDENTITY, PolicyQuota.INLINE_ROLE));
    }
}
