package io.gatehouse.web.rest;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
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
 * intermediate CA). The chain must be trusted and name the host, so that the thumbprint is the
 * issuer's, not a man in the middle's. An {@code http://} issuer (loopback only) has none, which
 * AWS also allows.
 */
final class IssuerThumbprint {

    private IssuerThumbprint() {
    }

    static List<String> of(URI issuer, Duration timeout) {
        return of(issuer, timeout, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    static List<String> of(URI issuer, Duration timeout, SSLSocketFactory sockets) {
        if (!"https".equalsIgnoreCase(issuer.getScheme())) {
            return List.of();
        }
        String host = issuer.getHost();
        int port = issuer.getPort() == -1 ? 443 : issuer.getPort();
        int millis = (int) timeout.toMillis();
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(host, port), millis);
            plain.setSoTimeout(millis);
            try (SSLSocket socket = (SSLSocket) sockets.createSocket(plain, host, port, true)) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                return List.of(thumbprint(socket.getSession().getPeerCertificates()));
            }
        } catch (IOException | CertificateEncodingException e) {
            throw new IamException(ErrorCode.IDP_COMMUNICATION_ERROR, "The TLS certificate of issuer " + issuer
                    + " could not be read for its thumbprint (" + e.getClass().getSimpleName() + ").", e);
        }
    }

    /** Lower-case hex SHA-1 of the chain's last certificate, as AWS lists thumbprints. */
    static String thumbprint(Certificate[] chain) throws CertificateEncodingException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(chain[chain.length - 1].getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is a required JDK algorithm", e);
        }
    }
}
