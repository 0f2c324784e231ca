package io.gatehouse.federation.login;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.LoginProviderKind;
import io.gatehouse.core.identity.LoginProviderSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Configured sign-in providers: each kind's issuer, and what the authorization code flow would refuse. */
class ConfiguredLoginProvidersTest {

    private final ConfiguredLoginProviders providers = new ConfiguredLoginProviders();

    private static LoginProviderSettings settings(LoginProviderKind kind, Optional<String> issuer,
                                                  Optional<String> tenant, String method) {
        return new LoginProviderSettings(kind, issuer, tenant, Optional.of("https://sso.example.com"),
                Optional.of("corp"), "console", List.of(), method, "arn:aws:iam::111111111111:oidc-provider/x");
    }

    @Test
    void keycloakIssuesFromItsRealm() {
        assertEquals("https://sso.example.com/realms/corp", providers.issuer(settings(LoginProviderKind.KEYCLOAK,
                Optional.empty(), Optional.empty(), "client_secret_basic"), Optional.of("s")).toString());
    }

    @Test
    void microsoftIssuesFromItsTenant() {
        assertEquals("https://login.microsoftonline.com/6f1c2a3b-0000-4000-8000-00000000abcd/v2.0",
                providers.issuer(settings(LoginProviderKind.MICROSOFT, Optional.empty(),
                        Optional.of("6f1c2a3b-0000-4000-8000-00000000abcd"), "client_secret_basic"), Optional.of("s"))
                        .toString());
    }

    @Test
    void gitHubIsAnOAuth2ProviderAtGitHubCom() {
        LoginProviderSettings github = settings(LoginProviderKind.GITHUB, Optional.empty(), Optional.empty(),
                "client_secret_post");

        assertEquals("https://github.com", providers.issuer(github, Optional.of("s")).toString());
        assertInstanceOf(OAuth2LoginProvider.class, providers.of("gh", github, Optional.of("s")));
    }

    @Test
    void refusesAConfidentialClientWithoutASecret() {
        IamException e = assertThrows(IamException.class, () -> providers.issuer(settings(LoginProviderKind.OIDC,
                Optional.of("https://idp.example.com"), Optional.empty(), "client_secret_basic"), Optional.empty()));

        assertEquals(ErrorCode.INVALID_INPUT, e.code());
    }

    @Test
    void refusesAnOidcProviderWithoutAnIssuer() {
        IamException e = assertThrows(IamException.class, () -> providers.issuer(settings(LoginProviderKind.OIDC,
                Optional.empty(), Optional.empty(), "none"), Optional.empty()));

        assertEquals("A sign-in provider of kind oidc needs issuer", e.getMessage());
    }

    @Test
    void refusesAMicrosoftTenantThatIsNotAGuid() {
        assertThrows(IamException.class, () -> providers.issuer(settings(LoginProviderKind.MICROSOFT, Optional.empty(),
                Optional.of("common"), "client_secret_basic"), Optional.of("s")));
    }
}
