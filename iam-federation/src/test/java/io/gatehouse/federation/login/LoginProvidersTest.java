package io.gatehouse.federation.login;

import io.gatehouse.core.federation.ProviderUrl;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The preset providers and what a provider may be configured with; no network. */
class LoginProvidersTest {

    @Test
    void googleIsItsPublishedIssuerWithDefaultScopes() {
        OidcLoginProvider google = OidcLoginProvider.google("app.apps.googleusercontent.com", "secret");

        assertEquals("https://accounts.google.com", google.issuer().toString());
        assertEquals(List.of("openid", "email", "profile"), google.scopes());
        assertEquals(ClientAuthentication.CLIENT_SECRET_BASIC, google.method());
    }

    @Test
    void microsoftIsTheTenantsVersion2Issuer() {
        OidcLoginProvider microsoft = OidcLoginProvider.microsoft("9188040D-6C67-4C5B-B112-36A304B66DAD", "app", "secret");

        assertEquals("https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0",
                microsoft.issuer().toString());
    }

    @Test
    void microsoftRefusesMultiTenantAliasesWhoseTokensNameOtherIssuers() {
        assertThrows(IllegalArgumentException.class, () -> OidcLoginProvider.microsoft("common", "app", "secret"));
        assertThrows(IllegalArgumentException.class, () -> OidcLoginProvider.microsoft("organizations", "app", "secret"));
    }

    @Test
    void linkedinIsItsPublishedIssuerTakingTheSecretInTheForm() {
        OidcLoginProvider linkedin = OidcLoginProvider.linkedin("77abc", "secret");

        assertEquals("https://www.linkedin.com/oauth", linkedin.issuer().toString());
        assertEquals(ClientAuthentication.CLIENT_SECRET_POST, linkedin.method());
    }

    @Test
    void keycloakIsTheRealmUnderTheServer() {
        OidcLoginProvider keycloak = OidcLoginProvider.keycloak(ProviderUrl.parse("Url", "https://sso.example.com/"),
                "corp", "gatehouse", "secret");

        assertEquals("https://sso.example.com/realms/corp", keycloak.issuer().toString());
        assertEquals("keycloak-corp", keycloak.name());
    }

    @Test
    void githubUsesGitHubsSignInAndUserApi() {
        OAuth2LoginProvider github = OAuth2LoginProvider.github("Iv1.abc", "secret");

        assertEquals("https://github.com/login/oauth/authorize", github.authorizationEndpoint().toString());
        assertEquals("https://github.com/login/oauth/access_token", github.tokenEndpoint().toString());
        assertEquals("https://api.github.com/user", github.userInfoEndpoint().toString());
        assertEquals(Optional.of("https://api.github.com/user/emails"), github.emailsEndpoint().map(ProviderUrl::toString));
        assertEquals("id", github.subjectField());
        assertEquals("https://github.com", github.issuer());
    }

    @Test
    void githubEnterpriseServesTheUserApiUnderApiV3() {
        OAuth2LoginProvider github = OAuth2LoginProvider.githubEnterprise(
                ProviderUrl.parse("Url", "https://GitHub.Corp.example.com"), "Iv1.abc", "secret");

        assertEquals("https://GitHub.Corp.example.com/login/oauth/authorize", github.authorizationEndpoint().toString());
        assertEquals("https://GitHub.Corp.example.com/api/v3/user", github.userInfoEndpoint().toString());
        assertEquals("https://github.corp.example.com", github.issuer());
    }

    @Test
    void githubSignInStartsWithoutNetworkAtGitHubsAuthorizePage() {
        AuthorizationCodeLoginFixture fixture = new AuthorizationCodeLoginFixture();
        LoginStart start = fixture.login().begin(OAuth2LoginProvider.github("Iv1.abc", "secret"),
                URI.create("https://gatehouse.example.com/callback"));

        assertEquals("https", start.authorizationUrl().getScheme());
        assertEquals("github.com", start.authorizationUrl().getHost());
        assertEquals("/login/oauth/authorize", start.authorizationUrl().getPath());
        assertEquals("read:user user:email", Browser.query(start.authorizationUrl()).get("scope"));
    }

    @Test
    void refusesRedirectUriOutsideHttpsOrLoopback() {
        AuthorizationCodeLoginFixture fixture = new AuthorizationCodeLoginFixture();

        assertThrows(IllegalArgumentException.class, () -> fixture.login().begin(
                OAuth2LoginProvider.github("Iv1.abc", "secret"), URI.create("http://gatehouse.example.com/callback")));
    }

    @Test
    void refusesOpenIdConnectProviderNotAskingForOpenidScope() {
        assertThrows(IllegalArgumentException.class,
                () -> OidcLoginProvider.google("app", "secret").withScopes(List.of("email", "profile")));
    }

    @Test
    void refusesConfidentialClientWithoutSecretAndPublicClientWithOne() {
        ProviderUrl issuer = ProviderUrl.parse("Url", "https://idp.example.com");

        assertThrows(IllegalArgumentException.class, () -> new OidcLoginProvider("idp", issuer, "app", Optional.empty(),
                OidcLoginProvider.DEFAULT_SCOPES, ClientAuthentication.CLIENT_SECRET_BASIC));
        assertThrows(IllegalArgumentException.class, () -> new OidcLoginProvider("idp", issuer, "app", Optional.of("s"),
                OidcLoginProvider.DEFAULT_SCOPES, ClientAuthentication.NONE));
    }

    @Test
    void refusesScopeWithSpaces() {
        assertThrows(IllegalArgumentException.class,
                () -> OidcLoginProvider.google("app", "secret").withScopes(List.of("openid", "email profile")));
    }

    @Test
    void providersAndPendingSignInsKeepTheirSecretsOutOfToString() {
        String oidc = OidcLoginProvider.google("app", "google-secret").toString();
        String oauth2 = OAuth2LoginProvider.github("Iv1.abc", "github-secret").toString();
        PendingLogin pending = new PendingLogin("google", "the-state", Optional.of("the-nonce"), "the-verifier",
                URI.create("https://gatehouse.example.com/callback"), Instant.EPOCH);

        assertFalse(oidc.contains("google-secret"), oidc);
        assertFalse(oauth2.contains("github-secret"), oauth2);
        for (String secret : List.of("the-state", "the-nonce", "the-verifier")) {
            assertFalse(pending.toString().contains(secret), pending.toString());
        }
    }
}
