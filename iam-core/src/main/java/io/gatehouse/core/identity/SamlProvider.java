package io.gatehouse.core.identity;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An IAM SAML provider: a SAML 2.0 identity provider that role trust policies may name as
 * {@code "Federated": "arn:aws:iam::<account>:saml-provider/<name>"}. The metadata document is
 * kept exactly as uploaded (GetSAMLProvider returns it); {@code validUntil} is the document's own
 * expiry, or a date far ahead when it states none. {@code uuid} is AWS's SAMLProviderUUID.
 */
public record SamlProvider(AccountId account, String name, String uuid, String metadataDocument, Instant createDate,
                           Instant validUntil, List<Tag> tags) {

    public static final String RESOURCE_TYPE = "saml-provider";

    public SamlProvider {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(metadataDocument, "metadataDocument");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(validUntil, "validUntil");
        tags = List.copyOf(tags);
    }

    public static Arn arn(AccountId account, String name) {
        return Arn.iam(account, RESOURCE_TYPE + "/", "", name);
    }

    public Arn arn() {
        return arn(account, name);
    }

    public SamlProvider withMetadata(String document, Instant newValidUntil) {
        return new SamlProvider(account, name, uuid, document, createDate, newValidUntil, tags);
    }

    public SamlProvider withTags(List<Tag> newTags) {
        return new SamlProvider(account, name, uuid, metadataDocument, createDate, validUntil, newTags);
    }
}
