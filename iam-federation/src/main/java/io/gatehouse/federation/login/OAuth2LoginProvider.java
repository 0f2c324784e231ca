package io.gatehouse.federation.login;

import io.gatehouse.core.federation.ProviderUrl;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A plain OAuth 2.0 provider in GitHub's style: no ID token, so who signed in is read from its
 * user API with the access token. The client authenticates with its secret in the token request's
 * form ({@code client_secret_post}), as GitHub documents it.
 *
 * @param subjectField   the user API's member that names the user for good (GitHub: the numeric
 *                       {@code id}; the {@code login} can be changed and reused)
 * @param emailsEndpoint where the user's addresses with their verified flags are listed (GitHub's
 *                       {@code /user/emails}, scope {@code user:email})
 */
public record OAuth2LoginProvider(String name, ProviderUrl authorizationEndpoint, ProviderUrl tokenEndpoint,
                                  ProviderUrl userInfoEndpoint, String clientId, String clientSecret,
                                  List<String> scopes, String subjectField, Optional<ProviderUrl> emailsEndpoint)
        implements LoginProvider {

    public static final List<String> GITHUB_SCOPES = List.of("read:user", "user:email");

    public OAuth2LoginProvider {
        ProviderSettings.name(name);
        Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint");
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        Objects.requireNonNull(userInfoEndpoint, "userInfoEndpoint");
        ProviderSettings.clientId(clientId);
        ProviderSettings.secret(clientSecret);
        scopes = ProviderSettings.scopes(scopes);
        if (subjectField == null || subjectField.isBlank()) {
            throw new IllegalArgumentException("the user API member that names the user must be given");
        }
        Objects.requireNonNull(emailsEndpoint, "emailsEndpoint");
    }

    /** github.com: sign-in at {@code github.com/login/oauth}, user API at {@code api.github.com}. */
    public static OAuth2LoginProvider github(String clientId, String clientSecret) {
        return new OAuth2LoginProvider("github",
                url("https://github.com/login/oauth/authorize"), url("https://github.com/login/oauth/access_token"),
                url("https://api.github.com/user"), clientId, clientSecret, GITHUB_SCOPES, "id",
                Optional.of(url("https://api.github.com/user/emails")));
    }

    /** GitHub Enterprise Server at {@code server}: the same paths, user API under {@code /api/v3}. */
    public static OAuth2LoginProvider githubEnterprise(ProviderUrl server, String clientId, String clientSecret) {
        String base = server.uri().toString().replaceAll("/+$", "");
        return new OAuth2LoginProvider("github-" + server.uri().getHost(),
                url(base + "/login/oauth/authorize"), url(base + "/login/oauth/access_token"),
                url(base + "/api/v3/user"), clientId, clientSecret, GITHUB_SCOPES, "id",
                Optional.of(url(base + "/api/v3/user/emails")));
    }

    /**
     * The provider's issuer identifier as far as a plain OAuth 2.0 provider has one: the origin of
     * its authorization endpoint ({@code https://github.com}). Identities are qualified by it, and
     * an RFC 9207 {@code iss} in the callback must equal it.
     */
    public String issuer() {
        URI uri = authorizationEndpoint.uri();
        return (uri.getScheme() + "://" + uri.getRawAuthority()).toLowerCase(Locale.ROOT);
    }

    public OAuth2LoginProvider named(String otherName) {
        return new OAuth2LoginProvider(otherName, authorizationEndpoint, tokenEndpoint, userInfoEndpoint, clientId,
                clientSecret, scopes, subjectField, emailsEndpoint);
    }

    @Override
    public String toString() {
        return "OAuth2LoginProvider[name=" + name + ", authorizationEndpoint=" + authorizationEndpoint
                + ", tokenEndpoint=" + tokenEndpoint + ", userInfoEndpoint=" + userInfoEndpoint
                + ", clientId=" + clientId + ", clientSecret=****, scopes=" + scopes + ", subjectField=" + subjectField
                + ", emailsEndpoint=" + emailsEndpoint.map(ProviderUrl::toString).orElse("none") + "]";
    }

    private static ProviderUrl url(String value) {
        return ProviderUrl.parse("endpoint", value);
    }
}
