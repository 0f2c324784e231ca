package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.SamlProvider;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "saml_providers")
public class SamlProviderEntity {

    @Id
    @Column(name = "arn")
    private String arn;

    @Column(name = "account_id")
    private String accountId;

    @Column(name = "name")
    private String name;

    @Column(name = "name_key")
    private String nameKey;

    @Column(name = "provider_uuid")
    private String uuid;

    @Column(name = "metadata_document")
    private String metadataDocument;

    @Column(name = "create_date")
    private Instant createDate;

    @Column(name = "valid_until")
    private Instant validUntil;

    @ElementCollection
    @CollectionTable(name = "saml_provider_tags", joinColumns = @JoinColumn(name = "provider_arn"))
    @OrderColumn(name = "tag_index")
    @BatchSize(size = 100)
    private List<TagValue> tags = new ArrayList<>();

    @Version
    @Column(name = "version")
    private long version;

    protected SamlProviderEntity() {
    }

    SamlProviderEntity(SamlProvider provider) {
        this.arn = provider.arn().toString();
        this.accountId = provider.account().value();
        this.name = provider.name();
        this.nameKey = NameKey.of(provider.name());
        this.uuid = provider.uuid();
        this.createDate = provider.createDate();
        apply(provider);
    }

    /** Takes the provider's changeable state: the metadata document, its validity, the tags. */
    void apply(SamlProvider provider) {
        this.metadataDocument = provider.metadataDocument();
        this.validUntil = provider.validUntil();
        if (!tags().equals(provider.tags())) {
            this.tags.clear();
            provider.tags().forEach(tag -> this.tags.add(new TagValue(tag)));
        }
    }

    private List<Tag> tags() {
        return tags.stream().map(TagValue::toTag).toList();
    }

    SamlProvider toSamlProvider() {
        return new SamlProvider(new AccountId(accountId), name, uuid, metadataDocument, createDate, validUntil, tags());
    }
}
