package io.gatehouse.federation.keycloak;

import io.gatehouse.federation.oidc.OidcProviderTrust;
import io.gatehouse.federation.saml.SamlTrust;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What Gatehouse needs to trust a connected realm: the realm's SAML IdP metadata (for
 * {@code CreateSAMLProvider}) with its entity ID and signing certificates, and its OIDC issuer
 * with Gatehouse's client id (for {@code CreateOpenIDConnectProvider}).
 *
 * @param protocols        the protocols whose clients were registered by this connection
 * @param oidcClientSecret the confidential OIDC client's secret; redacted in {@code toString()}
 */
public record ConnectedRealm(String samlMetadataXml, String samlEntityId, List<X509Certificate> samlSigningCertificates,
                             String oidcIssuer, String oidcClientId, Optional<String> oidcClientSecret,
                             Set<Protocol> protocols) {

    public ConnectedRealm {
        Objects.requireNonNull(samlMetadataXml, "samlMetadataXml");
        Objects.requireNonNull(samlEntityId, "samlEntityId");
        samlSigningCertificates = List.copyOf(samlSigningCertificates);
        Objects.requireNonNull(oidcIssuer, "oidcIssuer");
        Objects.requireNonNull(oidcClientId, "oidcClientId");
        Objects.requireNonNull(oidcClientSecret, "oidcClientSecret");
        protocols = Set.copyOf(protocols);
    }

    /** The trust a SAML response from this realm to {@code sp} must satisfy. */
    public SamlTrust samlTrust(GatehouseServiceProvider sp) {
        return new SamlTrust(samlEntityId, samlSigningCertificates, Set.of(sp.samlEntityId()),
                Set.of(sp.assertionConsumerUrl().toString()));
    }

    /** The OIDC provider registration: the realm's issuer, with Gatehouse's client id as audience. */
    public OidcProviderTrust oidcProviderTrust() {
        return OidcProviderTrust.of(oidcIssuer, oidcClientId);
    }

    @Override
    public String toString() {
        return "ConnectedRealm[samlEntityId=" + samlEntityId + ", samlSigningCertificates=" + samlSigningCertificates.size()
                + ", oidcIssuer=" + oidcIssuer + ", oidcClientId=" + oidcClientId
                + ", oidcClientSecret=" + oidcClientSecret.map(secret -> "****").orElse("none")
                + ", protocols=" + protocols + "]";
    }
}
