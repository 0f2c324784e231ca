package io.gatehouse.core.port;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;

import java.util.Optional;

/**
 * The role-mapping rule document of each identity provider (SAML, OIDC or LDAP), keyed by the
 * provider's ARN. The store keeps the text; reading it is the federation module's business.
 */
public interface RoleMappingRepository {
    Optional<String> find(Arn provider);

    /** Creates or replaces the provider's document. */
    void put(AccountId account, Arn provider, String document);

    /** @return whether the provider had a document */
    boolean delete(Arn provider);
}
