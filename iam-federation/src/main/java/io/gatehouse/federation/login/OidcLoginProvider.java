package io.gatehouse.federation.login;

import io.gatehouse.core.federation.ProviderUrl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An OpenID Connect provider: its endpoints come from the issuer's discovery document and the
 * person is named by the ID token it issues to {@code clientId}.
 *
 * @param clientSecret present unless {@code method} is {@link ClientAuthentication#NONE}
 * @param scopes       what is asked for; must include {@code openid}
 */
public record OidcLoginProvider(String name, ProviderUrl issuer, String clientId, Optional<String> clientSecret,
                                List<String> scopes, ClientAuthentication method) implements LoginProvider {

    public static final List<String> DEFAULT_SCOPES = List.of("openid", "email", "profile");

    /** Microsoft's tenant id is a GUID; "common", "organizations" and domain names have no single issuer. */
    private static final Pattern TENANT_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern REALM = Pattern.compile("[A-Za-z0-9._-]{1,255}");

    public OidcLoginProvider {
        ProviderSettings.name(name);
        Objects.requireNonNull(issuer, "issuer");
        ProviderSettings.clientId(clientId);
        Objects.requireNonNull(clientSecret, "clientSecret").ifPresent(ProviderSettings::secret);
        scopes = ProviderSettings.scopes(scopes);
        Objects.requireNonNull(method, "method");
        if (!scopes.contains("openid")) {
            throw new IllegalArgumentException("an OpenID Connect sign-in asks for the openid scope");
        }
        if (method == ClientAuthentication.NONE && clientSecret.isPresent()) {
            throw new IllegalArgumentException("a public client (authentication none) has no secret");
        }
        if (method != ClientAuthentication.NONE && clientSecret.isEmpty()) {
            throw new IllegalArgumentException(method.wireName() + " needs a client secret");
        }
    }

    /** A confidential client with the default scopes, authenticating with HTTP Basic. */
    public static OidcLoginProvider confidential(String name, ProviderUrl issuer, String clientId, String clientSecret) {
        return new OidcLoginProvider(name, issuer, clientId, Optional.of(clientSecret), DEFAULT_SCOPES,
                ClientAuthentication.CLIENT_SECRET_BASIC);
    }

    /** A public client (no secret), bound to the sign-in by PKCE. */
    public static OidcLoginProvider publicClient(String name, ProviderUrl issuer, String clientId) {
        return new OidcLoginProvider(name, issuer, clientId, Optional.empty(), DEFAULT_SCOPES, ClientAuthentication.NONE);
    }

    /** Google: issuer {@code https://accounts.google.com}. */
    public static OidcLoginProvider google(String clientId, String clientSecret) {
        return confidential("google", url("https://accounts.google.com"), clientId, clientSecret);
    }

    /**
     * Microsoft Entra ID, one tenant: issuer {@code https://login.microsoftonline.com/<tenant>/v2.0}.
     * The multi-tenant aliases are refused: their ID tokens carry each user's own tenant as issuer.
     */
    public static OidcLoginProvider microsoft(String tenantId, String clientId, String clientSecret) {
        if (tenantId == null || !TENANT_ID.matcher(tenantId).matches()) {
            throw new IllegalArgumentException("a Microsoft Entra tenant id is a GUID: " + tenantId);
        }
        String tenant = UUID.fromString(tenantId).toString();
        return confidential("microsoft", url("https://login.microsoftonline.com/" + tenant + "/v2.0"), clientId, clientSecret);
    }

    /** LinkedIn ("Sign In with LinkedIn using OpenID Connect"), which takes the secret in the form only. */
    public static OidcLoginProvider linkedin(String clientId, String clientSecret) {
        return new OidcLoginProvider("linkedin", url("https://www.linkedin.com/oauth"), clientId,
                Optional.of(clientSecret), DEFAULT_SCOPES, ClientAuthentication.CLIENT_SECRET_POST);
    }

    /** A Keycloak realm: issuer {@code <server>/realms/<realm>} (Keycloak 17 and later). */
    public static OidcLoginProvider keycloak(ProviderUrl server, String realm, String clientId, String clientSecret) {
        if (realm == null || !REALM.matcher(realm).matches()) {
            throw new IllegalArgumentException("not a Keycloak realm name: " + realm);
        }
        String base = server.uri().toString().replaceAll("/+$", "");
        return confidential("keycloak-" + realm, url(base + "/realms/" + realm), clientId, clientSecret);
    }

    /** The same provider under another name, for two registrations of one kind. */
    public OidcLoginProvider named(String otherName) {
        return new OidcLoginProvider(otherName, issuer, clientId, clientSecret, scopes, method);
    }

    public OidcLoginProvider withScopes(List<String> otherScopes) {
        return new OidcLoginProvider(name, issuer, clientId, clientSecret, otherScopes, method);
    }

    @Override
    public String toString() {
        return "OidcLoginProvider[name=" + name + ", issuer=" + issuer + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret.isPresent() ? "****" : "none") + ", scopes=" + scopes
                + ", method=" + method.wireName() + "]";
    }

    private static ProviderUrl url(String value) {
        return ProviderUrl.parse("issuer", value);
    }
}
