package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.credential.SealedSecret;
import io.gatehouse.core.credential.SecretCipher;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.federation.LoginProviderCheck;
import io.gatehouse.core.federation.ProviderUrl;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.identity.LoginProvider;
import io.gatehouse.core.identity.LoginProviderSettings;
import io.gatehouse.core.identity.OpenIdConnectProvider;
import io.gatehouse.core.port.LoginProviderRepository;
import io.gatehouse.core.port.OpenIdConnectProviderRepository;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sign-in providers (OpenID Connect and social browser sign-in) as account resources: create,
 * read, update and delete, with the provider's rules and its link to the IAM OIDC provider checked
 * before anything is stored. The client secret is sealed at rest and never leaves this class
 * except to redeem an authorization code.
 *
 * <p>The link: role trust policies name the IAM OIDC provider, so it must be one of the account's,
 * registered for the sign-in provider's issuer, and — for providers that issue ID tokens — list the
 * client id among its audiences, exactly as {@code AssumeRoleWithWebIdentity} would require of the
 * same ID token.
 */
public final class LoginProviderService {

    public static final int MAX_PER_ACCOUNT = Quotas.SAML_PROVIDERS_PER_ACCOUNT;
    static final int MAX_SECRET_LENGTH = 1024;

    private final LoginProviderRepository providers;
    private final OpenIdConnectProviderRepository iamProviders;
    private final LoginProviderCheck check;
    private final SecretCipher cipher;
    private final Clock clock;

    public LoginProviderService(LoginProviderRepository providers, OpenIdConnectProviderRepository iamProviders,
                                LoginProviderCheck check, SecretCipher cipher, Clock clock) {
        this.providers = providers;
        this.iamProviders = iamProviders;
        this.check = check;
        this.cipher = cipher;
        this.clock = clock;
    }

    public LoginProvider create(AccountId account, String name, LoginProviderSettings settings,
                                Optional<String> clientSecret) {
        Constraint.SAML_PROVIDER_NAME.check("Name", name);
        check(account, settings, clientSecret);
        if (providers.findByName(account, name).isPresent()) {
            throw IamException.alreadyExists("LoginProvider with name " + name + " already exists.");
        }
        if (providers.count(account) >= MAX_PER_ACCOUNT) {
            throw IamException.limitExceeded("Cannot exceed quota for LoginProvidersPerAccount: " + MAX_PER_ACCOUNT);
        }
        Arn arn = LoginProvider.arn(account, name);
        LoginProvider provider = new LoginProvider(account, name, settings, clientSecret.map(s -> seal(arn, s)),
                clock.instant());
        providers.create(provider);
        return provider;
    }

    public LoginProvider provider(AccountId account, String name) {
        return providers.findByName(account, name).orElseThrow(() ->
                IamException.noSuchEntity("Login provider not found for arn " + LoginProvider.arn(account, name)));
    }

    public List<LoginProvider> providers(AccountId account) {
        return providers.list(account);
    }

    /**
     * Replaces the settings whole; the secret stays unless a new one is given, and is dropped when
     * the client becomes public ({@code none}).
     */
    public LoginProvider update(AccountId account, String name, LoginProviderSettings settings,
                                Optional<String> clientSecret) {
        LoginProvider current = provider(account, name);
        boolean publicClient = settings.clientAuthentication().equals("none");
        Optional<String> secret = clientSecret.isPresent() || publicClient ? clientSecret : clientSecret(current);
        check(account, settings, secret);
        Optional<SealedSecret> sealed = clientSecret.isPresent() ? clientSecret.map(s -> seal(current.arn(), s))
                : publicClient ? Optional.empty() : current.clientSecret();
        LoginProvider updated = current.withSettings(settings, sealed);
        providers.update(updated);
        return updated;
    }

    public void delete(AccountId account, String name) {
        providers.delete(provider(account, name));
    }

    /** The client secret, for the token endpoint. Never to be returned or logged. */
    public Optional<String> clientSecret(LoginProvider provider) {
        return provider.clientSecret().map(sealed ->
                new String(cipher.open(sealed, associatedData(provider.arn())), StandardCharsets.UTF_8));
    }

    private void check(AccountId account, LoginProviderSettings settings, Optional<String> clientSecret) {
        clientSecret.ifPresent(secret -> {
            if (secret.isEmpty() || secret.length() > MAX_SECRET_LENGTH) {
                throw invalid("clientSecret must be 1 to " + MAX_SECRET_LENGTH + " characters");
            }
        });
        ProviderUrl issuer = check.issuer(settings, clientSecret);
        OpenIdConnectProvider iamProvider = iamProvider(account, settings.iamProviderArn());
        if (!issuerKey(iamProvider.url()).equals(issuerKey(issuer))) {
            throw invalid("The IAM OIDC provider " + settings.iamProviderArn() + " is registered for "
                    + iamProvider.url() + ", not for the sign-in provider's issuer " + issuer);
        }
        if (settings.kind().issuesIdTokens() && !iamProvider.clientIds().contains(settings.clientId())) {
            throw invalid("The IAM OIDC provider " + settings.iamProviderArn() + " does not list client id "
                    + settings.clientId() + " in its ClientIDList");
        }
    }

    /** The account's own IAM OIDC provider the ARN names; one of another account does not do. */
    private OpenIdConnectProvider iamProvider(AccountId account, String arnText) {
        Arn arn;
        try {
            arn = Arn.parse(arnText);
        } catch (IamException | IllegalArgumentException e) {
            throw invalid("iamProviderArn is not a valid ARN: " + arnText);
        }
        String prefix = OpenIdConnectProvider.RESOURCE_TYPE + "/";
        if (!arn.service().equals("iam") || !arn.resource().startsWith(prefix) || !arn.account().equals(account.value())) {
            throw invalid("iamProviderArn must name an IAM OIDC provider of account " + account.value() + ": " + arnText);
        }
        return iamProviders.find(account, arn.resource().substring(prefix.length()))
                .filter(found -> found.arn().toString().equals(arn.toString()))
                .orElseThrow(() -> IamException.noSuchEntity("OpenIDConnect Provider not found for arn " + arnText));
    }

    private static String issuerKey(ProviderUrl url) {
        return url.uri().getScheme().toLowerCase(Locale.ROOT) + "://" + url.withoutScheme();
    }

    private SealedSecret seal(Arn arn, String secret) {
        return cipher.seal(secret.getBytes(StandardCharsets.UTF_8), associatedData(arn));
    }

    /** Binding the ciphertext to its provider keeps it from being moved to another provider's row. */
    private static byte[] associatedData(Arn arn) {
        return ("login-provider-client-secret:" + arn).getBytes(StandardCharsets.UTF_8);
    }

    private static IamException invalid(String message) {
        return new IamException(ErrorCode.INVALID_INPUT, message);
    }
}
