package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.SealedSecret;
import io.gatehouse.core.identity.LoginProvider;
import io.gatehouse.core.identity.LoginProviderKind;
import io.gatehouse.core.identity.LoginProviderSettings;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

@Entity
@Table(name = "login_providers")
public class LoginProviderEntity {

    @Id
    @Column(name = "arn")
    private String arn;

    @Column(name = "account_id")
    private String accountId;

    @Column(name = "name")
    private String name;

    @Column(name = "name_key")
    private String nameKey;

    @Column(name = "kind")
    private String kind;

    @Column(name = "issuer")
    private String issuer;

    @Column(name = "tenant")
    private String tenant;

    @Column(name = "server")
    private String server;

    @Column(name = "realm")
    private String realm;

    @Column(name = "client_id")
    private String clientId;

    @Column(name = "scopes")
    private String scopes;

    @Column(name = "client_authentication")
    private String clientAuthentication;

    @Column(name = "iam_provider_arn")
    private String iamProviderArn;

    @Column(name = "client_secret_key_id")
    private String clientSecretKeyId;

    @Column(name = "client_secret_ciphertext")
    private byte[] clientSecretCiphertext;

    @Column(name = "create_date")
    private Instant createDate;

    @Version
    @Column(name = "version")
    private long version;

    protected LoginProviderEntity() {
    }

    LoginProviderEntity(LoginProvider provider) {
        this.arn = provider.arn().toString();
        this.accountId = provider.account().value();
        this.name = provider.name();
        this.nameKey = NameKey.of(provider.name());
        this.createDate = provider.createDate();
        apply(provider);
    }

    /** Takes the provider's changeable state: its settings and the sealed secret. */
    void apply(LoginProvider provider) {
        LoginProviderSettings s = provider.settings();
        this.kind = s.kind().wireName();
        this.issuer = s.issuer().orElse(null);
        this.tenant = s.tenant().orElse(null);
        this.server = s.server().orElse(null);
        this.realm = s.realm().orElse(null);
        this.clientId = s.clientId();
        this.scopes = String.join(" ", s.scopes());
        this.clientAuthentication = s.clientAuthentication();
        this.iamProviderArn = s.iamProviderArn();
        this.clientSecretKeyId = provider.clientSecret().map(SealedSecret::keyId).orElse(null);
        this.clientSecretCiphertext = provider.clientSecret().map(SealedSecret::ciphertext).orElse(null);
    }

    LoginProvider toLoginProvider() {
        List<String> scopeList = scopes.isEmpty() ? List.of() : Arrays.asList(scopes.split(" "));
        LoginProviderSettings settings = new LoginProviderSettings(LoginProviderKind.of(kind),
                Optional.ofNullable(issuer), Optional.ofNullable(tenant), Optional.ofNullable(server),
                Optional.ofNullable(realm), clientId, scopeList, clientAuthentication, iamProviderArn);
        Optional<SealedSecret> secret = clientSecretKeyId == null ? Optional.empty()
                : Optional.of(new SealedSecret(clientSecretKeyId, clientSecretCiphertext));
        return new LoginProvider(new AccountId(accountId), name, settings, secret, createDate);
    }
}
