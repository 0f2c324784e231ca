package io.gatehouse.federation.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Caching of providers' keys, refetching for rotated keys, and its rate limit, counted at the provider. */
class KeyRotationTest {

    private static final Instant START = Instant.parse("2025-03-01T12:00:00Z");

    private final LoopbackIdentityProvider idp = new LoopbackIdentityProvider();
    private final MutableClock clock = new MutableClock(START);
    private final WebIdentityTokenVerifier verifier =
            new WebIdentityTokenVerifier(new CachingJwksSource(new OidcDiscovery(), clock), clock);
    private final OidcProviders providers = OidcProviders.of(idp.trust());

    @AfterEach
    void stopProvider() {
        idp.close();
    }

    @Test
    void servesKeysFromCacheWithinTheirTimeToLive() {
        for (int i = 0; i < 5; i++) {
            verifier.verify(freshToken(), providers);
        }

        assertEquals(1, idp.discoveryRequests());
        assertEquals(1, idp.jwksRequests());
    }

    @Test
    void fetchesDiscoveryAndKeysAgainOnceTheirTimeToLiveHasPassed() {
        verifier.verify(freshToken(), providers);
        clock.advance(CachingJwksSource.DEFAULT_TIME_TO_LIVE);

        verifier.verify(freshToken(), providers);

        assertEquals(2, idp.discoveryRequests());
        assertEquals(2, idp.jwksRequests());
    }

    @Test
    void acceptsTokenSignedWithRotatedKeyAfterOneRefetch() {
        verifier.verify(freshToken(), providers);
        clock.advance(CachingJwksSource.DEFAULT_MIN_FETCH_INTERVAL);
        idp.rotateKey();

        VerifiedWebIdentity identity = verifier.verify(idp.sign(idp.claims(clock.instant()).subject("rotated").build()),
                providers);

        assertEquals("rotated", identity.subject());
        assertEquals(2, idp.jwksRequests());
    }

    @Test
    void refusesUnknownKeyAfterRefetchingOnce() {
        verifier.verify(freshToken(), providers);
        clock.advance(CachingJwksSource.DEFAULT_MIN_FETCH_INTERVAL);

        assertUnknownKey(tokenSignedWith(LoopbackIdentityProvider.newRsaKey()));

        assertEquals(2, idp.jwksRequests());
    }

    @Test
    void doesNotRefetchForAnotherUnknownKeyWithinTheInterval() {
        verifier.verify(freshToken(), providers);
        clock.advance(CachingJwksSource.DEFAULT_MIN_FETCH_INTERVAL);
        assertUnknownKey(tokenSignedWith(LoopbackIdentityProvider.newRsaKey()));
        clock.advance(CachingJwksSource.DEFAULT_MIN_FETCH_INTERVAL.minusSeconds(1));

        assertUnknownKey(tokenSignedWith(LoopbackIdentityProvider.newRsaKey()));

        assertEquals(2, idp.jwksRequests());
    }

    @Test
    void acceptsKeyRotatedInsideTheIntervalOnceTheIntervalHasPassed() {
        verifier.verify(freshToken(), providers);
        clock.advance(CachingJwksSource.DEFAULT_MIN_FETCH_INTERVAL);
        assertUnknownKey(tokenSignedWith(LoopbackIdentityProvider.newRsaKey()));
        JWK rotated = idp.rotateKey();
        clock.advance(Duration.ofSeconds(10));
        assertUnknownKey(tokenSignedWith(rotated));

        clock.advance(CachingJwksSource.DEFAULT_MIN_FETCH_INTERVAL);

        assertEquals(idp.issuer(), verifier.verify(tokenSignedWith(rotated), providers).issuer());
        assertEquals(3, idp.jwksRequests());
    }

    @Test
    void asksAFailingProviderAgainOnlyAfterTheInterval() {
        idp.declareJwksUri(idp.issuer() + "/no-such-document");
        assertCommunicationError(freshToken());
        clock.advance(CachingJwksSource.DEFAULT_MIN_FETCH_INTERVAL.minusSeconds(1));

        assertCommunicationError(freshToken());
        assertEquals(1, idp.discoveryRequests());

        clock.advance(Duration.ofSeconds(1));
        assertCommunicationError(freshToken());
        assertEquals(2, idp.discoveryRequests());
    }

    @Test
    void concurrentFirstTokensOfAnIssuerFetchItsKeysOnce() throws Exception {
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<VerifiedWebIdentity>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String token = freshToken();
                results.add(pool.submit(() -> {
                    start.await();
                    return verifier.verify(token, providers);
                }));
            }
            start.countDown();
            for (Future<VerifiedWebIdentity> result : results) {
                assertEquals(idp.issuer(), result.get().issuer());
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(1, idp.discoveryRequests());
        assertEquals(1, idp.jwksRequests());
    }

    private String freshToken() {
        return idp.sign(idp.claims(clock.instant()).build());
    }

    private String tokenSignedWith(JWK key) {
        return LoopbackIdentityProvider.sign(idp.claims(clock.instant()).build(), key, JWSAlgorithm.RS256);
    }

    private void assertUnknownKey(String token) {
        IamException refused = assertThrows(IamException.class, () -> verifier.verify(token, providers));
        assertEquals(ErrorCode.INVALID_IDENTITY_TOKEN, refused.code());
        assertTrue(refused.getMessage().contains("is not published by " + idp.issuer()), refused.getMessage());
    }

    private void assertCommunicationError(String token) {
        IamException refused = assertThrows(IamException.class, () -> verifier.verify(token, providers));
        assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, refused.code());
    }
}
