package io.gatehouse.federation.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenID Connect provider on loopback HTTP whose keys and discovery document a test controls:
 * it publishes keys, rotates them, signs tokens, and counts how often it is asked for its keys.
 */
final class LoopbackIdentityProvider implements AutoCloseable {

    static final String CLIENT_ID = "gatehouse-client";
    /** Every provider starts with this key: RSA key generation is slow, and each test has its own provider. */
    private static final JWK FIRST_KEY = newRsaKey();

    private final HttpServer server;
    private final AtomicInteger discoveryRequests = new AtomicInteger();
    private final AtomicInteger jwksRequests = new AtomicInteger();
    private volatile JWK signingKey;
    private volatile List<JWK> published;
    private volatile String declaredIssuer;
    private volatile String jwksUri;

    LoopbackIdentityProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/.well-known/openid-configuration", exchange -> {
            discoveryRequests.incrementAndGet();
            respond(exchange, JSONObjectUtils.toJSONString(Map.of("issuer", declaredIssuer, "jwks_uri", jwksUri)));
        });
        server.createContext("/jwks", exchange -> {
            jwksRequests.incrementAndGet();
            respond(exchange, new JWKSet(published).toString(true));
        });
        server.start();
        declaredIssuer = issuer();
        jwksUri = issuer() + "/jwks";
        signingKey = FIRST_KEY;
        published = List.of(signingKey);
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    OidcProviderTrust trust() {
        return OidcProviderTrust.of(issuer(), CLIENT_ID);
    }

    /** Starts signing with a new key and publishes only that one, as a provider rotating keys does. */
    JWK rotateKey() {
        signingKey = newRsaKey();
        published = List.of(signingKey);
        return signingKey;
    }

    JWK signingKey() {
        return signingKey;
    }

    void publish(JWK... keys) {
        published = List.of(keys);
    }

    void declareIssuer(String issuer) {
        declaredIssuer = issuer;
    }

    void declareJwksUri(String uri) {
        jwksUri = uri;
    }

    int discoveryRequests() {
        return discoveryRequests.get();
    }

    int jwksRequests() {
        return jwksRequests.get();
    }

    /** Claims of a token valid at {@code now} for {@link #CLIENT_ID}. */
    JWTClaimsSet.Builder claims(Instant now) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject("user-" + UUID.randomUUID())
                .audience(CLIENT_ID)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)));
    }

    String sign(JWTClaimsSet claims) {
        return sign(claims, signingKey, JWSAlgorithm.RS256);
    }

    static String sign(JWTClaimsSet claims, JWK key, JWSAlgorithm algorithm) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new DefaultJWSSignerFactory().createJWSSigner(key, algorithm));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static JWK newRsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
