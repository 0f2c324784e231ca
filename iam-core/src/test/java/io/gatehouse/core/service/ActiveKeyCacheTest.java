package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.CredentialGenerator;
import io.gatehouse.core.credential.SecretCipher;
import io.gatehouse.core.identity.AccessKey;
import io.gatehouse.core.identity.AccessKeyStatus;
import io.gatehouse.core.port.AccessKeyRepository;
import io.gatehouse.core.port.UserRepository;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Authentication reads a key once per staleness interval; changes on this node take effect at once. */
class ActiveKeyCacheTest {

    private static final AccountId ACCOUNT = new AccountId("123456789012");
    private final Map<String, AccessKey> stored = new HashMap<>();
    private int reads;
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final AccessKeyService service = new AccessKeyService(keys(), (UserRepository) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {UserRepository.class}, (p, m, a) -> {
                throw new UnsupportedOperationException();
            }), new CredentialGenerator(), new SecretCipher(SecretCipher.generateKey("k"), List.of()), clock);
    private final KeyOwner root = new KeyOwner(ACCOUNT, Optional.empty());

    private AccessKeyRepository keys() {
        return (AccessKeyRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AccessKeyRepository.class}, (p, method, args) -> switch (method.getName()) {
                    case "find" -> {
                        reads++;
                        yield Optional.ofNullable(stored.get((String) args[0]));
                    }
                    case "create" -> {
                        AccessKey key = (AccessKey) args[0];
                        stored.put(key.accessKeyId(), key);
                        yield null;
                    }
                    case "updateStatus" -> {
                        AccessKey key = stored.get((String) args[0]);
                        stored.put(key.accessKeyId(), new AccessKey(key.accessKeyId(), key.account(), key.userId(),
                                (AccessKeyStatus) args[1], key.sealedSecret(), key.createDate()));
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aKeyIsReadOncePerIntervalAndItsSecretComesBack() {
        service.importKey(root, "AKIACACHED0000000001", "secret-of-the-cached-key-0123456789");
        reads = 0;

        assertEquals("secret-of-the-cached-key-0123456789", service.activeKey("AKIACACHED0000000001").orElseThrow().secret());
        service.activeKey("AKIACACHED0000000001");
        assertEquals(1, reads);

        clock.now = clock.now.plus(AccessKeyService.KEY_STALENESS);
        service.activeKey("AKIACACHED0000000001");
        assertEquals(2, reads);
    }

    @Test
    void deactivatingAKeyHereTakesEffectAtOnce() {
        service.importKey(root, "AKIACACHED0000000002", "secret-of-the-cached-key-0123456789");
        assertTrue(service.activeKey("AKIACACHED0000000002").isPresent());

        service.updateStatus(root, "AKIACACHED0000000002", AccessKeyStatus.Inactive);

        assertEquals(Optional.empty(), service.activeKey("AKIACACHED0000000002"));
        assertTrue(service.activeKey("AKIAUNKNOWN000000000").isEmpty());
    }
}
