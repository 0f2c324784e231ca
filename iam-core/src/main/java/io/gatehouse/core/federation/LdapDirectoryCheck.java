package io.gatehouse.core.federation;

import io.gatehouse.core.identity.LdapSettings;

/**
 * Checks that settings and a service-account password describe a directory Gatehouse can sign
 * users in against. Implemented outside the core, where the LDAP library lives, so that the
 * directory's rules are written once.
 */
public interface LdapDirectoryCheck {

    /** @throws io.gatehouse.core.error.IamException InvalidInput naming what is wrong */
    void check(LdapSettings settings, String bindPassword);
}
