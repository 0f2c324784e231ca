package io.gatehouse.web.rest;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;

import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The thumbprint CreateOpenIDConnectProvider records for an issuer, computed as AWS documents it:
 * the SHA-1 of the last certificate of the chain the issuer's host presents over TLS (its top
 * intermediate CA). An {@code http://} issuer (loopback only) has none, which AWS also allows.
 */
final class IssuerThumbprint {

    private IssuerThumbprint() {
    }

    static List<String> of(URI issuer, Duration timeout) {
        if (!"https".equalsIgnoreCase(issuer.getScheme())) {
            return List.of();
        }
        int port = issuer.getPort() == -1 ? 443 : issuer.getPort();
        try (SSLSocket socket = (SSLSocket) SSLSocketFactory.getDefault().createSocket()) {
            socket.connect(new InetSocketAddress(issuer.getHost(), port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.startHandshake();
            Certificate[] chain = socket.getSession().getPeerCertificates();
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(chain[chain.length - 1].getEncoded());
            return List.of(HexFormat.of().formatHex(digest));
        } catch (IOException | CertificateEncodingException e) {
            throw new IamException(ErrorCode.IDP_COMMUNICATION_ERROR, "The TLS certificate of issuer " + issuer
                    + " could not be read for its thumbprint (" + e.getClass().getSimpleName() + ").", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is a required JDK algorithm", e);
        }
    }
}
