package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.SecretCipher;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.federation.LoginProviderCheck;
import io.gatehouse.core.federation.ProviderUrl;
import io.gatehouse.core.identity.LoginProvider;
import io.gatehouse.core.identity.LoginProviderKind;
import io.gatehouse.core.identity.LoginProviderSettings;
import io.gatehouse.core.identity.OpenIdConnectProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in providers: the provider check, the link to the IAM OIDC provider, the sealed client secret. */
class LoginProviderServiceTest {

    private static final AccountId ACCOUNT = new AccountId("111111111111");
    private static final AccountId OTHER = new AccountId("222222222222");
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String ISSUER = "https://idp.example.com/realms/corp";
    private static final String SECRET = "client-secret-of-the-console";

    private final InMemoryLoginProviders store = new InMemoryLoginProviders();
    private final InMemoryIdentityProviders iam = new InMemoryIdentityProviders();
    private final SecretCipher cipher = new SecretCipher(SecretCipher.generateKey("k"), List.of());
    private final List<Optional<String>> checkedSecrets = new ArrayList<>();
    private LoginProviderCheck check = (settings, secret) -> {
        checkedSecrets.add(secret);
        return ProviderUrl.parse("issuer", settings.issuer().orElse("https://github.com"));
    };

    private LoginProviderService service() {
        return new LoginProviderService(store, iam.oidcRepository, (s, p) -> check.issuer(s, p), cipher,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private String registered(AccountId account, String url, String... clientIds) {
        OpenIdConnectProvider provider = new OpenIdConnectProvider(account, ProviderUrl.parse("Url", url),
                List.of(clientIds), List.of(), NOW, List.of());
        iam.oidc.add(provider);
        return provider.arn().toString();
    }

    private static LoginProviderSettings oidc(String clientId, String iamProviderArn) {
        return new LoginProviderSettings(LoginProviderKind.OIDC, Optional.of(ISSUER), Optional.empty(),
                Optional.empty(), Optional.empty(), clientId, List.of(), "client_secret_basic", iamProviderArn);
    }

    @Test
    void createsAProviderLinkedToTheIamProviderOfItsIssuer() {
        String iamArn = registered(ACCOUNT, ISSUER, "console");

        LoginProvider provider = service().create(ACCOUNT, "corp", oidc("console", iamArn), Optional.of(SECRET));

        assertEquals("arn:aws:iam::111111111111:login-provider/corp", provider.arn().toString());
        assertEquals(iamArn, provider.settings().iamProviderArn());
        assertEquals(Optional.of(provider), store.findByName(ACCOUNT, "CORP"));
    }

    @Test
    void refusesAClientIdTheIamProviderDoesNotList() {
        String iamArn = registered(ACCOUNT, ISSUER, "cli");

        IamException e = assertThrows(IamException.class,
                () -> service().create(ACCOUNT, "corp", oidc("console", iamArn), Optional.of(SECRET)));

        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertTrue(e.getMessage().contains("does not list client id console"), e.getMessage());
        assertTrue(store.providers.isEmpty());
    }

    @Test
    void refusesAnIamProviderOfAnotherIssuer() {
        String iamArn = registered(ACCOUNT, "https://other.example.com", "console");

        IamException e = assertThrows(IamException.class,
                () -> service().create(ACCOUNT, "corp", oidc("console", iamArn), Optional.of(SECRET)));

        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertTrue(e.getMessage().contains("is registered for https://other.example.com"), e.getMessage());
    }

    @Test
    void refusesAnIamProviderOfAnotherAccount() {
        String iamArn = registered(OTHER, ISSUER, "console");

        IamException e = assertThrows(IamException.class,
                () -> service().create(ACCOUNT, "corp", oidc("console", iamArn), Optional.of(SECRET)));

        assertEquals(ErrorCode.INVALID_INPUT, e.code());
    }

    @Test
    void refusesAnIamProviderThatIsNotRegistered() {
        IamException e = assertThrows(IamException.class, () -> service().create(ACCOUNT, "corp",
                oidc("console", "arn:aws:iam::111111111111:oidc-provider/idp.example.com/realms/corp"),
                Optional.of(SECRET)));

        assertEquals(ErrorCode.NO_SUCH_ENTITY, e.code());
    }

    @Test
    void linksGitHubWithoutAClientIdInTheIamProvidersList() {
        String iamArn = registered(ACCOUNT, "https://github.com", "sts.amazonaws.com");
        LoginProviderSettings github = new LoginProviderSettings(LoginProviderKind.GITHUB, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), "Iv1.0123456789abcdef", List.of(),
                "client_secret_post", iamArn);

        LoginProvider provider = service().create(ACCOUNT, "github", github, Optional.of(SECRET));

        assertEquals(LoginProviderKind.GITHUB, provider.settings().kind());
    }

    @Test
    void storesNothingTheProviderCheckRefuses() {
        String iamArn = registered(ACCOUNT, ISSUER, "console");
        check = (settings, secret) -> {
            throw new IamException(ErrorCode.INVALID_INPUT, "client_secret_basic needs a client secret");
        };

        assertThrows(IamException.class, () -> service().create(ACCOUNT, "corp", oidc("console", iamArn),
                Optional.empty()));
        assertTrue(store.providers.isEmpty());
    }

    @Test
    void sealsTheClientSecretAndOpensItOnlyForItsProvider() {
        String iamArn = registered(ACCOUNT, ISSUER, "console");
        LoginProvider provider = service().create(ACCOUNT, "corp", oidc("console", iamArn), Optional.of(SECRET));

        byte[] stored = provider.clientSecret().orElseThrow().ciphertext();
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains(SECRET));
        assertEquals(Optional.of(SECRET), service().clientSecret(provider));
        LoginProvider moved = new LoginProvider(ACCOUNT, "lab", provider.settings(), provider.clientSecret(), NOW);
        assertThrows(RuntimeException.class, () -> service().clientSecret(moved));
    }

    @Test
    void anUpdateKeepsTheSecretUnlessANewOneIsGiven() {
        String iamArn = registered(ACCOUNT, ISSUER, "console", "portal");
        service().create(ACCOUNT, "corp", oidc("console", iamArn), Optional.of(SECRET));

        LoginProvider updated = service().update(ACCOUNT, "corp", oidc("portal", iamArn), Optional.empty());

        assertEquals("portal", updated.settings().clientId());
        assertEquals(Optional.of(SECRET), service().clientSecret(updated));
        assertEquals(Optional.of(SECRET), checkedSecrets.get(checkedSecrets.size() - 1));
    }

    @Test
    void refusesASecondProviderOfTheSameNameInAnyCase() {
        String iamArn = registered(ACCOUNT, ISSUER, "console");
        service().create(ACCOUNT, "corp", oidc("console", iamArn), Optional.of(SECRET));

        IamException e = assertThrows(IamException.class,
                () -> service().create(ACCOUNT, "CORP", oidc("console", iamArn), Optional.of(SECRET)));

        assertEquals(ErrorCode.ENTITY_ALREADY_EXISTS, e.code());
    }

    @Test
    void deletedProvidersAreGone() {
        String iamArn = registered(ACCOUNT, ISSUER, "console");
        service().create(ACCOUNT, "corp", oidc("console", iamArn), Optional.of(SECRET));

        service().delete(ACCOUNT, "corp");

        assertEquals(ErrorCode.NO_SUCH_ENTITY,
                assertThrows(IamException.class, () -> service().provider(ACCOUNT, "corp")).code());
    }
}
