package io.gatehouse.federation.login;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.federation.LoginProviderCheck;
import io.gatehouse.core.federation.ProviderUrl;
import io.gatehouse.core.identity.LoginProviderKind;
import io.gatehouse.core.identity.LoginProviderSettings;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A sign-in provider as an account configures it, turned into the {@link LoginProvider} the
 * authorization code flow runs with: the kind's preset gives the issuer and endpoints, the
 * settings give the client, its scopes and how it authenticates. Whatever the flow would refuse
 * is refused here, on save, as {@code InvalidInput}.
 */
public final class ConfiguredLoginProviders implements LoginProviderCheck {

    @Override
    public ProviderUrl issuer(LoginProviderSettings settings, Optional<String> clientSecret) {
        LoginProvider provider = of("provider", settings, clientSecret);
        if (provider instanceof OidcLoginProvider oidc) {
            return oidc.issuer();
        }
        return ProviderUrl.parse("issuer", ((OAuth2LoginProvider) provider).issuer());
    }

    /** The provider {@code name} with {@code settings} and its opened client secret. */
    public LoginProvider of(String name, LoginProviderSettings settings, Optional<String> clientSecret) {
        try {
            if (settings.kind() == LoginProviderKind.GITHUB) {
                return github(name, settings, clientSecret);
            }
            ClientAuthentication method = method(settings.clientAuthentication());
            List<String> scopes = settings.scopes().isEmpty() ? OidcLoginProvider.DEFAULT_SCOPES : settings.scopes();
            return new OidcLoginProvider(name, issuer(settings), settings.clientId(), clientSecret, scopes, method);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /** The presets name their issuer themselves; a placeholder secret only lets them be built for it. */
    private static ProviderUrl issuer(LoginProviderSettings settings) {
        String id = settings.clientId();
        return switch (settings.kind()) {
            case OIDC -> ProviderUrl.parse("issuer", required(settings.issuer(), "issuer", settings));
            case GOOGLE -> OidcLoginProvider.google(id, "-").issuer();
            case MICROSOFT -> OidcLoginProvider.microsoft(required(settings.tenant(), "tenant", settings), id, "-")
                    .issuer();
            case LINKEDIN -> OidcLoginProvider.linkedin(id, "-").issuer();
            case KEYCLOAK -> OidcLoginProvider.keycloak(
                    ProviderUrl.parse("server", required(settings.server(), "server", settings)),
                    required(settings.realm(), "realm", settings), id, "-").issuer();
            case GITHUB -> throw new IllegalStateException("GitHub issues no ID tokens");
        };
    }

    private static OAuth2LoginProvider github(String name, LoginProviderSettings settings, Optional<String> secret) {
        if (method(settings.clientAuthentication()) != ClientAuthentication.CLIENT_SECRET_POST) {
            throw invalid("GitHub takes the client secret in the token request's form: clientAuthentication "
                    + "must be client_secret_post");
        }
        OAuth2LoginProvider github = OAuth2LoginProvider.github(settings.clientId(),
                secret.orElseThrow(() -> invalid("A GitHub sign-in provider needs a client secret"))).named(name);
        List<String> scopes = settings.scopes().isEmpty() ? github.scopes() : settings.scopes();
        return new OAuth2LoginProvider(name, github.authorizationEndpoint(), github.tokenEndpoint(),
                github.userInfoEndpoint(), github.clientId(), github.clientSecret(), scopes, github.subjectField(),
                github.emailsEndpoint());
    }

    private static ClientAuthentication method(String wireName) {
        return Arrays.stream(ClientAuthentication.values()).filter(m -> m.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> invalid("clientAuthentication must be client_secret_basic, client_secret_post "
                        + "or none: " + wireName));
    }

    private static String required(Optional<String> value, String name, LoginProviderSettings settings) {
        return value.filter(v -> !v.isBlank()).orElseThrow(() ->
                invalid("A sign-in provider of kind " + settings.kind().wireName() + " needs " + name));
    }

    private static IamException invalid(String message) {
        return new IamException(ErrorCode.INVALID_INPUT, message);
    }
}
