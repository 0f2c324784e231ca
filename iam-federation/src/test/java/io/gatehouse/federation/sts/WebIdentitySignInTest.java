package io.gatehouse.federation.sts;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.federation.ProviderUrl;
import io.gatehouse.core.identity.LoginProvider;
import io.gatehouse.core.identity.LoginProviderKind;
import io.gatehouse.core.identity.LoginProviderSettings;
import io.gatehouse.core.identity.OpenIdConnectProvider;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.port.OpenIdConnectProviderRepository;
import io.gatehouse.federation.gateway.ProvenSignIn;
import io.gatehouse.federation.login.SignedInIdentity;
import io.gatehouse.federation.oidc.SessionTagsClaim;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A browser sign-in at an OpenID Connect provider, proven to the IAM OIDC provider it is linked to. */
class WebIdentitySignInTest {

    private static final AccountId ACCOUNT = new AccountId("111111111111");
    private static final String ISSUER = "https://sso.example.com/realms/corp";
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private final List<OpenIdConnectProvider> registered = new ArrayList<>();
    private final OpenIdConnectProviderRepository repository = new OpenIdConnectProviderRepository() {
        @Override
        public Optional<OpenIdConnectProvider> find(AccountId account, String key) {
            return registered.stream().filter(p -> p.account().equals(account) && p.key().equals(key)).findFirst();
        }

        @Override
        public List<OpenIdConnectProvider> list(AccountId account) {
            return registered;
        }

        @Override
        public long count(AccountId account) {
            return registered.size();
        }

        @Override
        public void create(OpenIdConnectProvider provider) {
            registered.add(provider);
        }

        @Override
        public void update(OpenIdConnectProvider provider) {
        }

        @Override
        public void delete(OpenIdConnectProvider provider) {
        }
    };

    private OpenIdConnectProvider iamProvider(String... clientIds) {
        OpenIdConnectProvider provider = new OpenIdConnectProvider(ACCOUNT, ProviderUrl.parse("Url", ISSUER),
                List.of(clientIds), List.of(), NOW, List.of());
        registered.add(provider);
        return provider;
    }

    private static LoginProvider keycloak(OpenIdConnectProvider linked) {
        return new LoginProvider(ACCOUNT, "corp", new LoginProviderSettings(LoginProviderKind.KEYCLOAK,
                Optional.empty(), Optional.empty(), Optional.of("https://sso.example.com"), Optional.of("corp"),
                "console", List.of(), "client_secret_basic", linked.arn().toString()), Optional.empty(), NOW);
    }

    private static SignedInIdentity alice(Map<String, List<String>> extraClaims) {
        Map<String, List<String>> claims = new LinkedHashMap<>();
        claims.put("sub", List.of("f81d4fae-7dec"));
        claims.put("amr", List.of("pwd", "otp"));
        claims.put("groups", List.of("developers"));
        claims.put("realm_access.roles", List.of("auditor"));
        claims.putAll(extraClaims);
        return new SignedInIdentity("corp", ISSUER, "f81d4fae-7dec", Optional.of("alice@example.com"), true,
                Optional.of("Alice"), Optional.of("alice smith"), claims);
    }

    @Test
    void provesThePersonToTheLinkedIamProviderWithAwsConditionKeys() {
        OpenIdConnectProvider linked = iamProvider("console");

        ProvenSignIn proven = new WebIdentitySignIn(repository).prove(keycloak(linked), alice(Map.of()));

        assertEquals(linked.arn(), proven.identity().providerArn());
        assertEquals("sts:AssumeRoleWithWebIdentity", proven.action());
        assertEquals(List.of("console"), proven.conditionKeys().get("sso.example.com/realms/corp:aud"));
        assertEquals(List.of("f81d4fae-7dec"), proven.conditionKeys().get("sso.example.com/realms/corp:sub"));
        assertEquals(List.of("pwd", "otp"), proven.conditionKeys().get("sso.example.com/realms/corp:amr"));
    }

    @Test
    void takesGroupsAndKeycloakRealmRolesForTheMappingRules() {
        ProvenSignIn proven = new WebIdentitySignIn(repository).prove(keycloak(iamProvider("console")), alice(Map.of()));

        assertEquals(List.of("developers", "auditor"), proven.identity().groups());
    }

    @Test
    void namesTheSessionAfterTheUserNameInAwsAlphabet() {
        ProvenSignIn proven = new WebIdentitySignIn(repository).prove(keycloak(iamProvider("console")), alice(Map.of()));

        assertEquals("alice-smith", proven.roleSessionName());
    }

    @Test
    void carriesTheTokensSessionTags() {
        ProvenSignIn proven = new WebIdentitySignIn(repository).prove(keycloak(iamProvider("console")),
                alice(Map.of(SessionTagsClaim.CLAIM + ".principal_tags.Team", List.of("Payments"))));

        assertEquals(List.of(new Tag("Team", "Payments")), proven.sessionTags());
    }

    @Test
    void refusesWhenTheIamProviderNoLongerListsTheClientId() {
        LoginProvider configured = keycloak(iamProvider("console"));
        registered.set(0, registered.get(0).withClientIds(List.of("cli")));

        IamException e = assertThrows(IamException.class,
                () -> new WebIdentitySignIn(repository).prove(configured, alice(Map.of())));

        assertEquals(ErrorCode.ACCESS_DENIED, e.code());
    }
}
