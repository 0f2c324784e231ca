package io.gatehouse.core.identity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything of a sign-in provider but its client secret, which is kept apart and sealed. Only
 * shape is checked here; whether the settings describe a provider Gatehouse can sign in at is the
 * {@link io.gatehouse.core.federation.LoginProviderCheck}'s to say.
 *
 * @param issuer               the issuer URL ({@code oidc} only)
 * @param tenant               the Microsoft Entra tenant id ({@code microsoft} only)
 * @param server               the Keycloak server's base URL ({@code keycloak} only)
 * @param realm                the Keycloak realm ({@code keycloak} only)
 * @param scopes               what is asked for; empty for the kind's defaults
 * @param clientAuthentication {@code client_secret_basic}, {@code client_secret_post} or {@code none}
 * @param iamProviderArn       the IAM OIDC provider that role trust policies name as {@code Federated}
 */
public record LoginProviderSettings(LoginProviderKind kind, Optional<String> issuer, Optional<String> tenant,
                                    Optional<String> server, Optional<String> realm, String clientId,
                                    List<String> scopes, String clientAuthentication, String iamProviderArn) {

    public LoginProviderSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(clientId, "clientId");
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(clientAuthentication, "clientAuthentication");
        Objects.requireNonNull(iamProviderArn, "iamProviderArn");
    }
}
