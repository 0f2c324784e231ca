package io.gatehouse.core.federation;

import java.util.Objects;

/**
 * One {@code md:SingleSignOnService} of an identity provider's SAML metadata: where a browser is
 * sent to sign in, and how ({@code binding}, a SAML binding URI such as
 * {@code urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect}).
 */
public record SsoEndpoint(String binding, String location) {
    public SsoEndpoint {
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(location, "location");
    }
}
