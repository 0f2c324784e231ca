package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.credential.SecretCipher;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.federation.LdapDirectoryCheck;
import io.gatehouse.core.identity.LdapProvider;
import io.gatehouse.core.identity.LdapSettings;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LDAP providers: names, quota, the directory check before storing, the sealed bind password. */
class LdapProviderServiceTest {

    private static final AccountId ACCOUNT = new AccountId("111111111111");
    private static final AccountId OTHER = new AccountId("222222222222");
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String PASSWORD = "service-secret";

    private final InMemoryLdapProviders store = new InMemoryLdapProviders();
    private final List<String> checkedPasswords = new ArrayList<>();
    private final SecretCipher cipher = new SecretCipher(SecretCipher.generateKey("k"), List.of());
    private LdapDirectoryCheck check = (settings, password) -> checkedPasswords.add(password);

    private LdapProviderService service() {
        return new LdapProviderService(store, store, (s, p) -> check.check(s, p), cipher,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static LdapSettings settings(String url) {
        return new LdapSettings(url, "cn=svc,dc=example,dc=com", "ou=people,dc=example,dc=com",
                "(sAMAccountName={0})", "ou=groups,dc=example,dc=com", "MEMBER_OF_NESTED", true, Duration.ofSeconds(5));
    }

    @Test
    void createsAProviderWhoseArnNamesIt() {
        LdapProvider provider = service().create(ACCOUNT, "corp", settings("ldaps://dc.example.com"), PASSWORD);

        assertEquals("arn:aws:iam::111111111111:ldap-provider/corp", provider.arn().toString());
        assertEquals(NOW, provider.createDate());
        assertEquals(Optional.of(provider), store.findByName(ACCOUNT, "CORP"));
    }

    @Test
    void sealsTheBindPasswordAndOpensItOnlyForItsProvider() {
        LdapProvider provider = service().create(ACCOUNT, "corp", settings("ldaps://dc.example.com"), PASSWORD);

        byte[] stored = provider.bindPassword().ciphertext();
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains(PASSWORD));
        assertEquals(PASSWORD, service().bindPassword(provider));
        LdapProvider moved = new LdapProvider(ACCOUNT, "lab", provider.settings(), provider.bindPassword(), NOW);
        assertThrows(RuntimeException.class, () -> service().bindPassword(moved));
    }

    @Test
    void storesNothingTheDirectoryCheckRefuses() {
        check = (settings, password) -> {
            throw new IamException(ErrorCode.INVALID_INPUT, "url must begin with ldaps://");
        };

        IamException e = assertThrows(IamException.class,
                () -> service().create(ACCOUNT, "corp", settings("ldap://dc.example.com"), PASSWORD));

        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertTrue(store.providers.isEmpty());
    }

    @Test
    void refusesAnEmptyBindPasswordBeforeAskingTheDirectoryCheck() {
        IamException e = assertThrows(IamException.class,
                () -> service().create(ACCOUNT, "corp", settings("ldaps://dc.example.com"), ""));

        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertTrue(checkedPasswords.isEmpty());
    }

    @Test
    void refusesANameThatDiffersOnlyInCase() {
        service().create(ACCOUNT, "corp", settings("ldaps://dc.example.com"), PASSWORD);

        IamException e = assertThrows(IamException.class,
                () -> service().create(ACCOUNT, "CORP", settings("ldaps://dc2.example.com"), PASSWORD));

        assertEquals(ErrorCode.ENTITY_ALREADY_EXISTS, e.code());
    }

    @Test
    void refusesANameOutsideTheProviderNameSyntax() {
        IamException e = assertThrows(IamException.class,
                () -> service().create(ACCOUNT, "corp/ad", settings("ldaps://dc.example.com"), PASSWORD));

        assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
    }

    @Test
    void refusesMoreProvidersThanTheQuota() {
        for (int i = 0; i < LdapProviderService.MAX_PER_ACCOUNT; i++) {
            service().create(ACCOUNT, "dir" + i, settings("ldaps://dc.example.com"), PASSWORD);
        }

        IamException e = assertThrows(IamException.class,
                () -> service().create(ACCOUNT, "one-more", settings("ldaps://dc.example.com"), PASSWORD));

        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
    }

    @Test
    void updateWithoutAPasswordKeepsTheSealedOneAndChecksItWithTheNewSettings() {
        LdapProvider created = service().create(ACCOUNT, "corp", settings("ldaps://dc.example.com"), PASSWORD);

        LdapProvider updated = service().update(ACCOUNT, "corp", settings("ldaps://dc2.example.com"), Optional.empty());

        assertEquals("ldaps://dc2.example.com", updated.settings().url());
        assertEquals(created.bindPassword(), updated.bindPassword());
        assertEquals(List.of(PASSWORD, PASSWORD), checkedPasswords);
    }

    @Test
    void updateWithAPasswordSealsTheNewOne() {
        service().create(ACCOUNT, "corp", settings("ldaps://dc.example.com"), PASSWORD);

        LdapProvider updated = service().update(ACCOUNT, "corp", settings("ldaps://dc.example.com"),
                Optional.of("rotated"));

        assertEquals("rotated", service().bindPassword(updated));
    }

    @Test
    void deletingAProviderDeletesItsRoleMappingRules() {
        LdapProvider provider = service().create(ACCOUNT, "corp", settings("ldaps://dc.example.com"), PASSWORD);
        store.put(ACCOUNT, provider.arn(), "{}");

        service().delete(ACCOUNT, "corp");

        assertTrue(store.providers.isEmpty());
        assertTrue(store.documents.isEmpty());
    }

    @Test
    void anArnOfAnotherAccountNamesNoProvider() {
        service().create(ACCOUNT, "corp", settings("ldaps://dc.example.com"), PASSWORD);
        Arn elsewhere = LdapProvider.arn(ACCOUNT, "corp");

        IamException e = assertThrows(IamException.class, () -> service().provider(OTHER, elsewhere));

        assertEquals(ErrorCode.NO_SUCH_ENTITY, e.code());
        assertEquals("corp", service().provider(ACCOUNT, elsewhere).name());
    }
}
