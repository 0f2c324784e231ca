package io.gatehouse.federation.sts;

import io.gatehouse.core.sts.IssuedSession;

import java.util.Objects;

/**
 * What {@code AssumeRoleWithSAML} returns beside the credentials: who the assertion speaks of and
 * who issued it, as AWS reports them.
 *
 * @param audience      the endpoint the assertion was addressed to (AWS's {@code saml:aud})
 * @param nameQualifier AWS's {@code saml:namequalifier}
 */
public record SamlSession(IssuedSession issued, String subject, String subjectType, String issuer, String audience,
                          String nameQualifier) {

    public SamlSession {
        Objects.requireNonNull(issued, "issued");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(nameQualifier, "nameQualifier");
    }
}
