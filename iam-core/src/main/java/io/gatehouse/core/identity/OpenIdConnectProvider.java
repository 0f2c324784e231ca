package io.gatehouse.core.identity;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.federation.ProviderUrl;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An IAM OpenID Connect provider: an issuer whose ID tokens may assume roles that trust
 * {@code arn:aws:iam::<account>:oidc-provider/<url without scheme>}. The URL keeps its scheme
 * (the token check needs it); AWS shows it without. Client ids are the accepted audiences;
 * thumbprints are the SHA-1 of the issuer's server certificates, as given.
 */
public record OpenIdConnectProvider(AccountId account, ProviderUrl url, List<String> clientIds, List<String> thumbprints,
                                    Instant createDate, List<Tag> tags) {

    public static final String RESOURCE_TYPE = "oidc-provider";

    public OpenIdConnectProvider {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(url, "url");
        clientIds = List.copyOf(clientIds);
        thumbprints = List.copyOf(thumbprints);
        Objects.requireNonNull(createDate, "createDate");
        tags = List.copyOf(tags);
    }

    public static Arn arn(AccountId account, ProviderUrl url) {
        return Arn.iam(account, RESOURCE_TYPE + "/", "", url.withoutScheme());
    }

    public Arn arn() {
        return arn(account, url);
    }

    /** What follows {@code oidc-provider/} in the ARN: one provider per value in an account. */
    public String key() {
        return url.withoutScheme();
    }

    public OpenIdConnectProvider withClientIds(List<String> ids) {
        return new OpenIdConnectProvider(account, url, ids, thumbprints, createDate, tags);
    }

    public OpenIdConnectProvider withThumbprints(List<String> list) {
        return new OpenIdConnectProvider(account, url, clientIds, list, createDate, tags);
    }

    public OpenIdConnectProvider withTags(List<Tag> newTags) {
        return new OpenIdConnectProvider(account, url, clientIds, thumbprints, createDate, newTags);
    }
}
