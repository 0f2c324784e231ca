package io.gatehouse.core.identity;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a sign-in provider is: any OpenID Connect issuer, one of the well-known OpenID Connect
 * providers whose issuer follows from a setting or two, or GitHub's plain OAuth 2.0.
 */
public enum LoginProviderKind {
    /** Any OpenID Connect issuer, named by its URL. */
    OIDC("oidc"),
    GOOGLE("google"),
    /** Microsoft Entra ID, one tenant. */
    MICROSOFT("microsoft"),
    LINKEDIN("linkedin"),
    /** A Keycloak realm on a server. */
    KEYCLOAK("keycloak"),
    /** github.com's OAuth apps: no ID token, the user API says who signed in. */
    GITHUB("github");

    private final String wireName;

    LoginProviderKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether the provider issues ID tokens, whose audience is the client id. */
    public boolean issuesIdTokens() {
        return this != GITHUB;
    }

    /** How the client authenticates unless told otherwise: the way the provider documents it. */
    public String defaultClientAuthentication() {
        return this == LINKEDIN || this == GITHUB ? "client_secret_post" : "client_secret_basic";
    }

    public static LoginProviderKind of(String wireName) {
        String wanted = wireName == null ? "" : wireName.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(wanted)).findFirst()
                .orElseThrow(() -> new IamException(ErrorCode.INVALID_INPUT, "kind must be one of "
                        + Arrays.stream(values()).map(LoginProviderKind::wireName).collect(Collectors.joining(", "))
                        + ": " + wireName));
    }
}
