package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.credential.SealedSecret;
import io.gatehouse.core.credential.SecretCipher;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.federation.LdapDirectoryCheck;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.identity.LdapProvider;
import io.gatehouse.core.identity.LdapSettings;
import io.gatehouse.core.port.LdapProviderRepository;
import io.gatehouse.core.port.RoleMappingRepository;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LDAP providers as account resources: create, read, update and delete, with the directory's
 * rules checked before anything is stored. The service account's password is sealed at rest and
 * never leaves this class except to sign in against the directory.
 */
public final class LdapProviderService {

    /** As many as IAM allows SAML providers. */
    public static final int MAX_PER_ACCOUNT = Quotas.SAML_PROVIDERS_PER_ACCOUNT;
    static final int MAX_PASSWORD_LENGTH = 1024;

    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):ldap-provider/(.+)");

    private final LdapProviderRepository providers;
    private final RoleMappingRepository mappings;
    private final LdapDirectoryCheck directoryCheck;
    private final SecretCipher cipher;
    private final Clock clock;

    public LdapProviderService(LdapProviderRepository providers, RoleMappingRepository mappings,
                               LdapDirectoryCheck directoryCheck, SecretCipher cipher, Clock clock) {
        this.providers = providers;
        this.mappings = mappings;
        this.directoryCheck = directoryCheck;
        this.cipher = cipher;
        this.clock = clock;
    }

    public LdapProvider create(AccountId account, String name, LdapSettings settings, String bindPassword) {
        // Identity provider names follow one rule, IAM's for SAML providers.
        Constraint.SAML_PROVIDER_NAME.check("Name", name);
        check(settings, bindPassword);
        if (providers.findByName(account, name).isPresent()) {
            throw alreadyExists(name);
        }
        if (providers.count(account) >= MAX_PER_ACCOUNT) {
            throw IamException.limitExceeded("Cannot exceed quota for LdapProvidersPerAccount: " + MAX_PER_ACCOUNT);
        }
        LdapProvider provider = new LdapProvider(account, name, settings,
                seal(LdapProvider.arn(account, name), bindPassword), clock.instant());
        providers.create(provider);
        return provider;
    }

    public LdapProvider provider(AccountId account, String name) {
        return providers.findByName(account, name).orElseThrow(() -> noSuchProvider(LdapProvider.arn(account, name)));
    }

    /** The provider an ARN names; one of another account is as unknown as one that does not exist. */
    public LdapProvider provider(AccountId account, Arn arn) {
        return name(arn).filter(n -> arn.account().equals(account.value()))
                .flatMap(n -> providers.findByName(account, n))
                .orElseThrow(() -> noSuchProvider(arn));
    }

    public List<LdapProvider> providers(AccountId account) {
        return providers.list(account);
    }

    /** Replaces the settings whole; the password only when a new one is given. */
    public LdapProvider update(AccountId account, String name, LdapSettings settings, Optional<String> bindPassword) {
        LdapProvider current = provider(account, name);
        String password = bindPassword.orElseGet(() -> bindPassword(current));
        check(settings, password);
        SealedSecret sealed = bindPassword.isPresent() ? seal(current.arn(), password) : current.bindPassword();
        LdapProvider updated = current.withSettings(settings, sealed);
        providers.update(updated);
        return updated;
    }

    /** Deletes the provider and its role-mapping rules. */
    public void delete(AccountId account, String name) {
        LdapProvider provider = provider(account, name);
        mappings.delete(provider.arn());
        providers.delete(provider);
    }

    /** The service account's password, to bind with. Never to be returned or logged. */
    public String bindPassword(LdapProvider provider) {
        return new String(cipher.open(provider.bindPassword(), associatedData(provider.arn())), StandardCharsets.UTF_8);
    }

    /** The provider name in an {@code ldap-provider} ARN. */
    public static Optional<String> name(Arn arn) {
        Matcher matcher = ARN.matcher(arn.toString());
        return matcher.matches() ? Optional.of(matcher.group(2)) : Optional.empty();
    }

    private void check(LdapSettings settings, String bindPassword) {
        if (bindPassword.isEmpty() || bindPassword.length() > MAX_PASSWORD_LENGTH) {
            throw new IamException(ErrorCode.INVALID_INPUT,
                    "bindPassword must be 1 to " + MAX_PASSWORD_LENGTH + " characters");
        }
        directoryCheck.check(settings, bindPassword);
    }

    private SealedSecret seal(Arn arn, String password) {
        return cipher.seal(password.getBytes(StandardCharsets.UTF_8), associatedData(arn));
    }

    /** Binding the ciphertext to its provider keeps it from being moved to another provider's row. */
    private static byte[] associatedData(Arn arn) {
        return ("ldap-provider-bind-password:" + arn).getBytes(StandardCharsets.UTF_8);
    }

    private static IamException alreadyExists(String name) {
        return IamException.alreadyExists("LDAPProvider with name " + name + " already exists.");
    }

    private static IamException noSuchProvider(Arn arn) {
        return IamException.noSuchEntity("LDAP provider not found for arn " + arn);
    }
}
