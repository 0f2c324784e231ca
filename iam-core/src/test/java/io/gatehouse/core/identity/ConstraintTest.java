package io.gatehouse.core.identity;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parameter constraints of AWS's IAM model, with AWS's ValidationError wording. */
class ConstraintTest {

    @Test
    void userNamesAllowWordCharactersAndPlusEqualsCommaDotAtDash() {
        assertEquals("a_b+c=d,e.f@g-h", Constraint.USER_NAME.check("UserName", "a_b+c=d,e.f@g-h"));
    }

    @Test
    void aUserNameWithASpaceIsRefusedNamingTheParameterInCamelCase() {
        IamException e = assertThrows(IamException.class, () -> Constraint.USER_NAME.check("UserName", "bad name"));

        assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
        assertTrue(e.getMessage().contains("at 'userName'"), e.getMessage());
        assertTrue(e.getMessage().contains("regular expression pattern"), e.getMessage());
    }

    @Test
    void newUserNamesStopAtSixtyFourCharactersButExistingOnesMayBeLonger() {
        String sixtyFive = "u".repeat(65);

        IamException e = assertThrows(IamException.class, () -> Constraint.USER_NAME.check("UserName", sixtyFive));
        assertTrue(e.getMessage().contains("less than or equal to 64"), e.getMessage());
        assertEquals(sixtyFive, Constraint.EXISTING_USER_NAME.check("UserName", sixtyFive));
    }

    @Test
    void anEmptyNameIsTooShort() {
        IamException e = assertThrows(IamException.class, () -> Constraint.GROUP_NAME.check("GroupName", ""));

        assertTrue(e.getMessage().contains("greater than or equal to 1"), e.getMessage());
    }

    @Test
    void pathsBeginAndEndWithASlash() {
        assertEquals("/", Constraint.PATH.check("Path", "/"));
        assertEquals("/division/team/", Constraint.PATH.check("Path", "/division/team/"));
        assertThrows(IamException.class, () -> Constraint.PATH.check("Path", "/division"));
        assertThrows(IamException.class, () -> Constraint.PATH.check("Path", "division/"));
        assertThrows(IamException.class, () -> Constraint.PATH.check("Path", "/with space/"));
    }

    @Test
    void pathPrefixesNeedOnlyTheLeadingSlash() {
        assertEquals("/divi", Constraint.PATH_PREFIX.check("PathPrefix", "/divi"));
        assertThrows(IamException.class, () -> Constraint.PATH_PREFIX.check("PathPrefix", "divi"));
    }

    @Test
    void tagValuesMayBeEmptyButKeysMayNot() {
        assertEquals("", Constraint.TAG_VALUE.check("Value", ""));
        assertThrows(IamException.class, () -> Constraint.TAG_KEY.check("Key", ""));
        assertThrows(IamException.class, () -> Constraint.TAG_KEY.check("Key", "semi;colon"));
    }

    @Test
    void maxItemsIsOneToAThousand() {
        assertEquals(1, Constraint.maxItems("MaxItems", 1));
        assertEquals(1000, Constraint.maxItems("MaxItems", 1000));
        assertThrows(IamException.class, () -> Constraint.maxItems("MaxItems", 0));
        IamException e = assertThrows(IamException.class, () -> Constraint.maxItems("MaxItems", 1001));
        assertTrue(e.getMessage().contains("at 'maxItems'"), e.getMessage());
    }

    @Test
    void accessKeyStatusIsActiveOrInactiveExactly() {
        assertEquals(AccessKeyStatus.Inactive, AccessKeyStatus.parse("Inactive", "Status"));
        IamException e = assertThrows(IamException.class, () -> AccessKeyStatus.parse("inactive", "Status"));
        assertTrue(e.getMessage().contains("[Active, Inactive]"), e.getMessage());
    }
}
