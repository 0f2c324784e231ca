package io.gatehouse.core.arn;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArnTest {

    @Test
    void parsesTheSixPartsAndKeepsColonsInTheResource() {
        Arn arn = Arn.parse("arn:aws:s3:::my-bucket/a:b:c");

        assertEquals("aws", arn.partition());
        assertEquals("s3", arn.service());
        assertEquals("", arn.region());
        assertEquals("", arn.account());
        assertEquals("my-bucket/a:b:c", arn.resource());
    }

    @Test
    void printsBackExactlyWhatWasParsed() {
        String text = "arn:aws:iam::123456789012:user/division/alice";

        assertEquals(text, Arn.parse(text).toString());
    }

    @Test
    void buildsIamResourceArnsWithThePathBetweenTypeAndName() {
        AccountId account = new AccountId("123456789012");

        assertEquals("arn:aws:iam::123456789012:user/division/alice", Arn.iam(account, "user", "/division/", "alice").toString());
        assertEquals("arn:aws:iam::123456789012:group/admins", Arn.iam(account, "group", "/", "admins").toString());
        assertEquals("arn:aws:iam::123456789012:root", Arn.accountRoot(account).toString());
    }

    @Test
    void refusesTextThatIsNotAnArn() {
        for (String bad : new String[]{"", "arn:aws:iam", "urn:aws:iam::1:user/x", "arn::iam::1:user/x", "arn:aws:iam::1:"}) {
            IamException e = assertThrows(IamException.class, () -> Arn.parse(bad), bad);
            assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
        }
    }

    @Test
    void accountIdsAreTwelveDigits() {
        assertTrue(AccountId.isValid("123456789012"));
        assertFalse(AccountId.isValid("12345678901"));
        assertFalse(AccountId.isValid("12345678901a"));
        assertThrows(IllegalArgumentException.class, () -> new AccountId("1234"));
    }

    @Test
    void randomAccountIdsAreValidAndNeverStartWithZero() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 1000; i++) {
            String id = AccountId.random(random).value();
            assertTrue(AccountId.isValid(id), id);
            assertFalse(id.startsWith("0"), id);
        }
    }
}
