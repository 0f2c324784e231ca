package io.gatehouse.federation.login;

import io.gatehouse.core.error.IamException;
import io.gatehouse.core.federation.ProviderUrl;
import io.gatehouse.federation.oidc.OidcDiscovery;
import io.gatehouse.federation.oidc.OidcProviderTrust;
import io.gatehouse.federation.oidc.OidcProviders;
import io.gatehouse.federation.oidc.VerifiedWebIdentity;
import io.gatehouse.federation.oidc.WebIdentityTokenVerifier;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The browser sign-in of the OAuth 2.0 authorization code flow (RFC 6749 §4.1, OpenID Connect
 * Core §3.1), as RFC 9700 says to run it: {@code state} against cross-site request forgery, PKCE
 * S256 for every client, confidential ones too (RFC 7636), a {@code nonce} bound into the ID
 * token, and the RFC 9207 {@code iss} against mix-up. {@link #begin} gives the URL to send the
 * browser to and what to keep; {@link #complete} checks the callback, redeems the code and says
 * who signed in.
 *
 * <p>Refusals are {@link IamException}s: {@code AccessDenied} for a callback that does not belong
 * to the pending sign-in or that the provider refused; {@code IDPCommunicationError} when the
 * provider cannot be reached or answers garbage; {@code InvalidIdentityToken} for an ID token that
 * fails verification. Codes, tokens, secrets and verifiers are never put into messages.
 */
public final class AuthorizationCodeLogin {

    /** Long enough to type a password and pass a second factor; a stolen pending sign-in soon dies. */
    public static final Duration DEFAULT_MAX_LOGIN_AGE = Duration.ofMinutes(10);
    static final int SECRET_BYTES = 32;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final SignInEndpoints endpoints;
    private final TokenEndpoint tokenEndpoint;
    private final UserApi userApi;
    private final WebIdentityTokenVerifier verifier;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration maxLoginAge;
    private final UsedStates usedStates = new UsedStates();

    public AuthorizationCodeLogin(BackChannel backChannel, OidcDiscovery discovery, WebIdentityTokenVerifier verifier,
                                  Clock clock, SecureRandom random, Duration maxLoginAge) {
        Objects.requireNonNull(backChannel, "backChannel");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.endpoints = new SignInEndpoints(Objects.requireNonNull(discovery, "discovery"), clock);
        this.tokenEndpoint = new TokenEndpoint(backChannel);
        this.userApi = new UserApi(backChannel);
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.random = Objects.requireNonNull(random, "random");
        this.maxLoginAge = Objects.requireNonNull(maxLoginAge, "maxLoginAge");
        if (maxLoginAge.isNegative() || maxLoginAge.isZero()) {
            throw new IllegalArgumentException("the maximum sign-in age must be positive");
        }
    }

    public AuthorizationCodeLogin(BackChannel backChannel, OidcDiscovery discovery, WebIdentityTokenVerifier verifier,
                                  Clock clock, SecureRandom random) {
        this(backChannel, discovery, verifier, clock, random, DEFAULT_MAX_LOGIN_AGE);
    }

    /**
     * Starts a sign-in at {@code provider}, which will send the browser back to {@code redirectUri}
     * (https://, or http:// on loopback, as registered with the provider).
     */
    public LoginStart begin(LoginProvider provider, URI redirectUri) {
        Objects.requireNonNull(provider, "provider");
        URI redirect = new ProviderUrl(Objects.requireNonNull(redirectUri, "redirectUri")).uri();
        SignInEndpoints.Route route = endpoints.of(provider);
        String state = randomSecret();
        Optional<String> nonce = provider instanceof OidcLoginProvider ? Optional.of(randomSecret()) : Optional.empty();
        String codeVerifier = randomSecret();

        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", provider.clientId());
        query.put("redirect_uri", redirect.toString());
        query.put("scope", String.join(" ", provider.scopes()));
        query.put("state", state);
        nonce.ifPresent(value -> query.put("nonce", value));
        query.put("code_challenge", codeChallenge(codeVerifier));
        query.put("code_challenge_method", "S256");
        URI authorizationUrl = URI.create(route.authorization().uri() + "?" + query.entrySet().stream()
                .map(entry -> queryEncode(entry.getKey()) + "=" + queryEncode(entry.getValue()))
                .collect(Collectors.joining("&")));
        return new LoginStart(authorizationUrl,
                new PendingLogin(provider.name(), state, nonce, codeVerifier, redirect, clock.instant()));
    }

    /**
     * Completes {@code pending} with the query of the provider's callback ({@code code},
     * {@code state}, {@code iss}, or {@code error} and {@code error_description}).
     */
    public SignedInIdentity complete(LoginProvider provider, PendingLogin pending, Map<String, String> callbackQuery) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(callbackQuery, "callbackQuery");
        SignInEndpoints.Route route = endpoints.of(provider);
        String code = LoginCallback.check(provider, route, pending, callbackQuery, clock.instant(), maxLoginAge,
                CLOCK_SKEW, usedStates);
        if (provider instanceof OidcLoginProvider oidc) {
            TokenEndpoint.Tokens tokens = tokenEndpoint.redeem(route.token().uri(), oidc.clientId(), oidc.method(),
                    oidc.clientSecret(), code, pending);
            String idToken = tokens.idToken().orElseThrow(() -> BackChannel.failure("token endpoint",
                    route.token().uri(), "returned no id_token"));
            return identity(oidc, verified(oidc, idToken, pending));
        }
        OAuth2LoginProvider oauth2 = (OAuth2LoginProvider) provider;
        TokenEndpoint.Tokens tokens = tokenEndpoint.redeem(route.token().uri(), oauth2.clientId(),
                ClientAuthentication.CLIENT_SECRET_POST, Optional.of(oauth2.clientSecret()), code, pending);
        if (tokens.tokenType().isPresent() && !tokens.tokenType().get().equalsIgnoreCase("bearer")) {
            throw BackChannel.failure("token endpoint", route.token().uri(),
                    "issued a " + ProviderText.errorCode(tokens.tokenType().get()) + " token, not a bearer token");
        }
        return userApi.identity(oauth2, tokens.accessToken());
    }

    private VerifiedWebIdentity verified(OidcLoginProvider provider, String idToken, PendingLogin pending) {
        VerifiedWebIdentity identity = verifier.verify(idToken,
                OidcProviders.of(new OidcProviderTrust(provider.issuer(), List.of(provider.clientId()))));
        String expected = pending.nonce().orElseThrow(() ->
                IamException.accessDenied("The pending sign-in has no nonce; it was not started for an OpenID Connect provider"));
        Object nonce = identity.claims().get("nonce");
        if (!(nonce instanceof String value) || !LoginCallback.sameSecret(value, expected)) {
            throw IamException.accessDenied("The ID token's nonce does not match the sign-in's; sign in again");
        }
        return identity;
    }

    private static SignedInIdentity identity(OidcLoginProvider provider, VerifiedWebIdentity token) {
        Optional<String> email = text(token, "email");
        Object verified = token.claims().get("email_verified");
        boolean emailVerified = email.isPresent() && (Boolean.TRUE.equals(verified) || "true".equals(verified));
        return new SignedInIdentity(provider.name(), token.issuer(), token.subject(), email, emailVerified,
                text(token, "name"), text(token, "preferred_username"), FlatClaims.of(token.claims()));
    }

    private static Optional<String> text(VerifiedWebIdentity token, String claim) {
        return token.claim(claim).filter(String.class::isInstance).map(String.class::cast).filter(value -> !value.isBlank());
    }

    private String randomSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** RFC 7636 §4.2: BASE64URL(SHA256(ASCII(code_verifier))). */
    static String codeChallenge(String codeVerifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Spaces as %20, which every provider reads, rather than the form encoding's '+'. */
    private static String queryEncode(String value) {
        return BackChannel.encode(value).replace("+", "%20");
    }
}
