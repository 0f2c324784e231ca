package io.gatehouse.core.identity;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.credential.SealedSecret;

import java.time.Instant;
import java.util.Objects;

/**
 * An LDAP provider: a directory that users sign in against with AssumeRoleWithLDAPIdentity, and
 * that role trust policies name as {@code "Federated": "arn:aws:iam::<account>:ldap-provider/<name>"}.
 * Gatehouse's own resource type, beside IAM's SAML and OIDC providers. The service account's
 * password is sealed under the master key with the provider's ARN as associated data.
 */
public record LdapProvider(AccountId account, String name, LdapSettings settings, SealedSecret bindPassword,
                           Instant createDate) {

    public static final String RESOURCE_TYPE = "ldap-provider";

    public LdapProvider {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(bindPassword, "bindPassword");
        Objects.requireNonNull(createDate, "createDate");
    }

    public static Arn arn(AccountId account, String name) {
        return Arn.iam(account, RESOURCE_TYPE + "/", "", name);
    }

    public Arn arn() {
        return arn(account, name);
    }

    public LdapProvider withSettings(LdapSettings newSettings, SealedSecret newPassword) {
        return new LdapProvider(account, name, newSettings, newPassword, createDate);
    }
}
