package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.SealedSecret;
import io.gatehouse.core.identity.LdapProvider;
import io.gatehouse.core.identity.LdapSettings;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;

@Entity
@Table(name = "ldap_providers")
public class LdapProviderEntity {

    @Id
    @Column(name = "arn")
    private String arn;

    @Column(name = "account_id")
    private String accountId;

    @Column(name = "name")
    private String name;

    @Column(name = "name_key")
    private String nameKey;

    @Column(name = "url")
    private String url;

    @Column(name = "bind_dn")
    private String bindDn;

    @Column(name = "bind_password_key_id")
    private String bindPasswordKeyId;

    @Column(name = "bind_password_ciphertext")
    private byte[] bindPasswordCiphertext;

    @Column(name = "user_search_base")
    private String userSearchBase;

    @Column(name = "user_filter")
    private String userFilter;

    @Column(name = "group_search_base")
    private String groupSearchBase;

    @Column(name = "group_resolution")
    private String groupResolution;

    @Column(name = "active_directory")
    private boolean activeDirectory;

    @Column(name = "timeout_millis")
    private long timeoutMillis;

    @Column(name = "create_date")
    private Instant createDate;

    @Version
    @Column(name = "version")
    private long version;

    protected LdapProviderEntity() {
    }

    LdapProviderEntity(LdapProvider provider) {
        this.arn = provider.arn().toString();
        this.accountId = provider.account().value();
        this.name = provider.name();
        this.nameKey = NameKey.of(provider.name());
        this.createDate = provider.createDate();
        apply(provider);
    }

    /** Takes the provider's changeable state: its settings and the sealed password. */
    void apply(LdapProvider provider) {
        LdapSettings s = provider.settings();
        this.url = s.url();
        this.bindDn = s.bindDn();
        this.userSearchBase = s.userSearchBase();
        this.userFilter = s.userFilter();
        this.groupSearchBase = s.groupSearchBase();
        this.groupResolution = s.groupResolution();
        this.activeDirectory = s.activeDirectory();
        this.timeoutMillis = s.timeout().toMillis();
        this.bindPasswordKeyId = provider.bindPassword().keyId();
        this.bindPasswordCiphertext = provider.bindPassword().ciphertext();
    }

    LdapProvider toLdapProvider() {
        LdapSettings settings = new LdapSettings(url, bindDn, userSearchBase, userFilter, groupSearchBase,
                groupResolution, activeDirectory, Duration.ofMillis(timeoutMillis));
        return new LdapProvider(new AccountId(accountId), name, settings,
                new SealedSecret(bindPasswordKeyId, bindPasswordCiphertext), createDate);
    }
}
