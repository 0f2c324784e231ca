package io.gatehouse.core.port;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.LdapProvider;

import java.util.List;
import java.util.Optional;

/** LDAP providers. Names unique per account, case-insensitively; the store enforces it. */
public interface LdapProviderRepository {
    Optional<LdapProvider> findByName(AccountId account, String name);

    /** Every LDAP provider of the account, ordered by name case-insensitively. */
    List<LdapProvider> list(AccountId account);

    long count(AccountId account);

    /** @throws io.gatehouse.core.error.IamException EntityAlreadyExists when the name is taken */
    void create(LdapProvider provider);

    /** Saves the settings and the sealed password. */
    void update(LdapProvider provider);

    void delete(LdapProvider provider);
}
