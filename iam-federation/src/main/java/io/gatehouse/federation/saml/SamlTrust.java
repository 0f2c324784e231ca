package io.gatehouse.federation.saml;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a SAML response must satisfy to be believed: it comes from the registered identity provider
 * ({@code idpEntityId}), is signed with one of its certificates, and is meant for this service
 * provider (one of {@code audiences}, delivered to one of {@code recipients}).
 */
public record SamlTrust(String idpEntityId, List<X509Certificate> signingCertificates, Set<String> audiences,
                        Set<String> recipients) {

    /** AWS's SAML endpoint: audience and recipient of assertions for AssumeRoleWithSAML and console sign-in. */
    public static final String AWS_SIGN_IN = "https://signin.aws.amazon.com/saml";

    public SamlTrust {
        Objects.requireNonNull(idpEntityId, "idpEntityId");
        if (idpEntityId.isBlank()) {
            throw new IllegalArgumentException("An identity provider needs an entity ID");
        }
        signingCertificates = List.copyOf(signingCertificates);
        audiences = Set.copyOf(audiences);
        recipients = Set.copyOf(recipients);
        if (signingCertificates.isEmpty() || audiences.isEmpty() || recipients.isEmpty()) {
            throw new IllegalArgumentException("SAML trust needs a signing certificate, an audience and a recipient");
        }
    }
}
