package io.gatehouse.web.query;

import io.gatehouse.core.error.IamException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which STS actions run without a SigV4 signature: only those that bring their own proof. */
class UnsignedActionsTest {

    private final StsActions sts = new StsActions(null, null,
            List.of(LdapIdentityActions.assumeRoleWithLdapIdentity(null)));

    @Test
    void assumeRoleWithLdapIdentityTakesNoSignature() {
        assertTrue(sts.unsigned("AssumeRoleWithLDAPIdentity").isPresent());
    }

    @Test
    void everyOtherStsActionNeedsASignature() {
        for (String name : List.of("GetCallerIdentity", "AssumeRole", "GetSessionToken", "GetFederationToken")) {
            assertTrue(sts.unsigned(name).isEmpty(), name);
            assertEquals(name, sts.find(name).name());
        }
    }

    @Test
    void anUnsignedActionIsNotAmongTheSignedOnes() {
        assertEquals("InvalidAction", assertThrows(IamException.class,
                () -> sts.find("AssumeRoleWithLDAPIdentity")).code().code());
    }
}
