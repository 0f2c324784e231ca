package io.gatehouse.federation.oidc;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fetching discovery documents and JWK sets over HTTP, with their limits. */
class OidcDiscoveryTest {

    private final LoopbackIdentityProvider idp = new LoopbackIdentityProvider();

    @AfterEach
    void stopProvider() {
        idp.close();
    }

    @Test
    void readsDeclaredIssuerAndPublishedKeys() {
        ProviderKeys keys = new OidcDiscovery().fetch(idp.trust());

        assertEquals(idp.issuer(), keys.declaredIssuer());
        assertEquals(1, keys.keys().getKeys().size());
        assertFalse(keys.keys().getKeys().get(0).isPrivate());
    }

    @Test
    void findsDiscoveryDocumentBelowIssuerWithTrailingSlash() {
        ProviderKeys keys = new OidcDiscovery().fetch(OidcProviderTrust.of(idp.issuer() + "/", "client"));

        assertEquals(idp.issuer(), keys.declaredIssuer());
    }

    @Test
    void refusesJwkSetLargerThanTheCap() throws Exception {
        JWK[] keys = new JWK[8];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = new ECKeyGenerator(Curve.P_256).keyID("ec-" + i).generate();
        }
        idp.publish(keys);
        OidcDiscovery discovery = new OidcDiscovery(OidcDiscovery.DEFAULT_TIMEOUT, 1024);

        IamException refused = assertThrows(IamException.class, () -> discovery.fetch(idp.trust()));

        assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, refused.code());
        assertTrue(refused.getMessage().endsWith("/jwks answered with more than 1024 bytes"), refused.getMessage());
    }

    @Test
    void refusesJwksUriThatServesSomethingElse() {
        idp.declareJwksUri(idp.issuer() + "/.well-known/openid-configuration");

        IamException refused = assertThrows(IamException.class, () -> new OidcDiscovery().fetch(idp.trust()));

        assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, refused.code());
        assertTrue(refused.getMessage().endsWith("did not return a JWK set"), refused.getMessage());
    }

    @Test
    void refusesJwksUriAnsweringWithAnErrorStatus() {
        idp.declareJwksUri(idp.issuer() + "/missing");

        IamException refused = assertThrows(IamException.class, () -> new OidcDiscovery().fetch(idp.trust()));

        assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, refused.code());
        assertTrue(refused.getMessage().endsWith("/missing answered HTTP 404"), refused.getMessage());
    }

    @Test
    void givesUpOnProviderThatAcceptsButNeverAnswers() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            acceptor.start();
            OidcDiscovery impatient = new OidcDiscovery(Duration.ofMillis(300), OidcDiscovery.DEFAULT_MAX_DOCUMENT_BYTES);

            IamException refused = assertThrows(IamException.class, () -> impatient.fetch(
                    OidcProviderTrust.of("http://127.0.0.1:" + silent.getLocalPort(), "client")));

            assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, refused.code());
            assertTrue(refused.getMessage().contains("did not answer"), refused.getMessage());
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
