package io.gatehouse.core.identity;

import io.gatehouse.core.error.IamException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Names of roles and instance profiles, role descriptions and account aliases (AWS's IAM model). */
class RoleConstraintsTest {

    @Test
    void roleNamesStopAtSixtyFourCharacters() {
        assertEquals("r".repeat(64), Constraint.ROLE_NAME.check("RoleName", "r".repeat(64)));
        IamException e = assertThrows(IamException.class, () -> Constraint.ROLE_NAME.check("RoleName", "r".repeat(65)));
        assertTrue(e.getMessage().contains("at 'roleName'"), e.getMessage());
    }

    @Test
    void instanceProfileNamesMayHaveAHundredTwentyEightCharacters() {
        assertEquals("p".repeat(128), Constraint.INSTANCE_PROFILE_NAME.check("InstanceProfileName", "p".repeat(128)));
        assertThrows(IamException.class, () -> Constraint.INSTANCE_PROFILE_NAME.check("InstanceProfileName", "a b"));
    }

    @Test
    void roleDescriptionsStopAtAThousandCharacters() {
        assertEquals("", Constraint.ROLE_DESCRIPTION.check("Description", ""));
        assertThrows(IamException.class, () -> Constraint.ROLE_DESCRIPTION.check("Description", "d".repeat(1001)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "my-company", "a1-b2-c3", "123"})
    void accountAliasesAreLowerCaseLettersDigitsAndSingleInnerHyphens(String alias) {
        assertEquals(alias, Constraint.ACCOUNT_ALIAS.check("AccountAlias", alias));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "-abc", "abc-", "ab--cd", "MyCompany", "my_company", "my.company"})
    void refusesOtherAccountAliases(String alias) {
        IamException e = assertThrows(IamException.class, () -> Constraint.ACCOUNT_ALIAS.check("AccountAlias", alias));
        assertTrue(e.getMessage().contains("at 'accountAlias'"), e.getMessage());
    }

    @Test
    void accountAliasesStopAtSixtyThreeCharacters() {
        assertEquals("a".repeat(63), Constraint.ACCOUNT_ALIAS.check("AccountAlias", "a".repeat(63)));
        assertThrows(IamException.class, () -> Constraint.ACCOUNT_ALIAS.check("AccountAlias", "a".repeat(64)));
    }
}
