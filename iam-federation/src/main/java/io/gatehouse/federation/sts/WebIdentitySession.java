package io.gatehouse.federation.sts;

import io.gatehouse.core.sts.IssuedSession;

import java.util.Objects;

/**
 * What {@code AssumeRoleWithWebIdentity} returns beside the credentials.
 *
 * @param subject  the token's {@code sub}
 * @param provider the OIDC provider's ARN, as AWS reports {@code Provider} for OpenID Connect tokens
 * @param audience the client id the token was issued to
 */
public record WebIdentitySession(IssuedSession issued, String subject, String provider, String audience) {

    public WebIdentitySession {
        Objects.requireNonNull(issued, "issued");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(audience, "audience");
    }
}
