package io.gatehouse.core.federation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Gatehouse takes from a SAML identity provider's metadata document: its entity id (the
 * {@code Issuer} of its assertions), the certificates that sign them (base64 DER, as the document
 * carries them in {@code ds:X509Certificate}), its sign-in endpoints, and the document's own
 * expiry when it states one.
 */
public record SamlProviderMetadata(String entityId, List<String> signingCertificates, List<SsoEndpoint> ssoEndpoints,
                                   Optional<Instant> validUntil) {

    public SamlProviderMetadata {
        Objects.requireNonNull(entityId, "entityId");
        signingCertificates = List.copyOf(signingCertificates);
        ssoEndpoints = List.copyOf(ssoEndpoints);
        Objects.requireNonNull(validUntil, "validUntil");
        if (signingCertificates.isEmpty()) {
            throw new IllegalArgumentException("an identity provider needs at least one signing certificate");
        }
    }
}
