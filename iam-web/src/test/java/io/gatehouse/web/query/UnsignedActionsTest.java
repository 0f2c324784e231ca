package io.gatehouse.web.query;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which STS actions run without a SigV4 signature: only those that bring their own proof. */
class UnsignedActionsTest {

    private final StsActions sts = new StsActions(null,
            List.of(LdapIdentityActions.assumeRoleWithLdapIdentity(null)));

    @Test
    void assumeRoleWithLdapIdentityTakesNoSignature() {
        IamAction action = sts.find("AssumeRoleWithLDAPIdentity");

        assertTrue(action.unsigned().isPresent());
        assertFalse(action.authorizedByRunner());
        assertEquals(IamAction.Kind.ISSUING, action.kind());
    }

    @Test
    void everyOtherStsActionNeedsASignature() {
        for (String name : List.of("GetCallerIdentity", "AssumeRole", "GetSessionToken", "GetFederationToken")) {
            assertTrue(sts.find(name).unsigned().isEmpty(), name);
        }
    }

    @Test
    void withoutFederationActionsThereIsNoLdapAction() {
        StsActions plain = new StsActions(null);

        assertEquals("InvalidAction", org.junit.jupiter.api.Assertions.assertThrows(
                io.gatehouse.core.error.IamException.class,
                () -> plain.find("AssumeRoleWithLDAPIdentity")).code().code());
    }
}
