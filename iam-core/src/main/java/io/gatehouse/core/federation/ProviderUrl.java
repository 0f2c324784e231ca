package io.gatehouse.core.federation;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The address of an identity provider (an OIDC issuer, its JWKS, a SAML endpoint, a directory's
 * web endpoint). AWS requires {@code https://}; Gatehouse also accepts {@code http://} for loopback
 * hosts only, the exception OAuth makes for native apps (RFC 8252 §8.3), so local identity
 * providers and tests work without certificates.
 */
public record ProviderUrl(URI uri) {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    public ProviderUrl {
        Objects.requireNonNull(uri, "uri");
        String problem = problem(uri);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * Reads the URL a caller gave in {@code parameter}, refusing it with AWS's {@code InvalidInput}
     * and a message that says what is wrong.
     */
    public static ProviderUrl parse(String parameter, String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new IamException(ErrorCode.INVALID_INPUT, parameter + " is not a valid URL: " + value);
        }
        String problem = problem(uri);
        if (problem != null) {
            throw new IamException(ErrorCode.INVALID_INPUT, parameter + " " + problem);
        }
        return new ProviderUrl(uri);
    }

    /** Whether {@code host} is this machine's loopback interface, by name or address. */
    public static boolean isLoopback(String host) {
        return host != null && LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT));
    }

    /**
     * The URL without its scheme, as AWS writes an OIDC provider into its ARN
     * ({@code arn:aws:iam::<account>:oidc-provider/<host>[:port][/path]}) and into condition keys
     * such as {@code <host>/<path>:aud}.
     */
    public String withoutScheme() {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return host + port + path;
    }

    @Override
    public String toString() {
        return uri.toString();
    }

    private static String problem(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return "must be an absolute URL with a host: " + uri;
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "must not have a query or a fragment: " + uri;
        }
        if (uri.getRawUserInfo() != null) {
            return "must not carry user information: " + uri;
        }
        if (scheme.equals("https")) {
            return null;
        }
        if (scheme.equals("http") && isLoopback(uri.getHost())) {
            return null;
        }
        return "must begin with https:// (http:// is accepted only for localhost, 127.0.0.1 and [::1]): " + uri;
    }
}
