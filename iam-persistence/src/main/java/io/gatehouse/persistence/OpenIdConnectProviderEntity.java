package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.federation.ProviderUrl;
import io.gatehouse.core.identity.OpenIdConnectProvider;
import io.gatehouse.core.identity.Tag;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "oidc_providers")
public class OpenIdConnectProviderEntity {

    @Id
    @Column(name = "arn")
    private String arn;

    @Column(name = "account_id")
    private String accountId;

    @Column(name = "url")
    private String url;

    /** The URL without its scheme: unique per account in the database. */
    @Column(name = "url_key")
    private String urlKey;

    @Column(name = "create_date")
    private Instant createDate;

    @ElementCollection
    @CollectionTable(name = "oidc_provider_client_ids", joinColumns = @JoinColumn(name = "provider_arn"))
    @OrderColumn(name = "item_index")
    @Column(name = "client_id")
    @BatchSize(size = 100)
    private List<String> clientIds = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "oidc_provider_thumbprints", joinColumns = @JoinColumn(name = "provider_arn"))
    @OrderColumn(name = "item_index")
    @Column(name = "thumbprint")
    @BatchSize(size = 100)
    private List<String> thumbprints = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "oidc_provider_tags", joinColumns = @JoinColumn(name = "provider_arn"))
    @OrderColumn(name = "tag_index")
    @BatchSize(size = 100)
    private List<TagValue> tags = new ArrayList<>();

    @Version
    @Column(name = "version")
    private long version;

    protected OpenIdConnectProviderEntity() {
    }

    OpenIdConnectProviderEntity(OpenIdConnectProvider provider) {
        this.arn = provider.arn().toString();
        this.accountId = provider.account().value();
        this.url = provider.url().toString();
        this.urlKey = provider.key();
        this.createDate = provider.createDate();
        apply(provider);
    }

    /** Takes the provider's changeable state: client ids, thumbprints, tags. */
    void apply(OpenIdConnectProvider provider) {
        if (!clientIds.equals(provider.clientIds())) {
            clientIds.clear();
            clientIds.addAll(provider.clientIds());
        }
        if (!thumbprints.equals(provider.thumbprints())) {
            thumbprints.clear();
            thumbprints.addAll(provider.thumbprints());
        }
        if (!tags().equals(provider.tags())) {
            tags.clear();
            provider.tags().forEach(tag -> tags.add(new TagValue(tag)));
        }
    }

    private List<Tag> tags() {
        return tags.stream().map(TagValue::toTag).toList();
    }

    OpenIdConnectProvider toOpenIdConnectProvider() {
        return new OpenIdConnectProvider(new AccountId(accountId), new ProviderUrl(URI.create(url)),
                List.copyOf(clientIds), List.copyOf(thumbprints), createDate, tags());
    }
}
