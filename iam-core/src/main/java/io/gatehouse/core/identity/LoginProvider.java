package io.gatehouse.core.identity;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.credential.SealedSecret;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A sign-in provider: an OpenID Connect or social provider (Google, Microsoft, LinkedIn, Keycloak,
 * GitHub) people sign in at with their browser. Gatehouse's own resource type
 * ({@code arn:aws:iam::<account>:login-provider/<name>}); the roles it signs people in to trust the
 * IAM OIDC provider its settings name. The client secret, when there is one, is sealed under the
 * master key with the provider's ARN as associated data.
 */
public record LoginProvider(AccountId account, String name, LoginProviderSettings settings,
                            Optional<SealedSecret> clientSecret, Instant createDate) {

    public static final String RESOURCE_TYPE = "login-provider";

    public LoginProvider {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(createDate, "createDate");
    }

    public static Arn arn(AccountId account, String name) {
        return Arn.iam(account, RESOURCE_TYPE + "/", "", name);
    }

    public Arn arn() {
        return arn(account, name);
    }

    public LoginProvider withSettings(LoginProviderSettings newSettings, Optional<SealedSecret> newSecret) {
        return new LoginProvider(account, name, newSettings, newSecret, createDate);
    }
}
