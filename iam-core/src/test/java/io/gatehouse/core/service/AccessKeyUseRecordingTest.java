package io.gatehouse.core.service;

import io.gatehouse.core.credential.CredentialGenerator;
import io.gatehouse.core.credential.SecretCipher;
import io.gatehouse.core.identity.AccessKeyLastUsed;
import io.gatehouse.core.port.AccessKeyRepository;
import io.gatehouse.core.port.UserRepository;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A key's last use is written when it changes or grows older than the recording interval, not on every request. */
class AccessKeyUseRecordingTest {

    private final List<AccessKeyLastUsed> written = new ArrayList<>();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final AccessKeyService service = new AccessKeyService(keys(), (UserRepository) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {UserRepository.class}, (p, m, a) -> {
                throw new UnsupportedOperationException();
            }), new CredentialGenerator(), new SecretCipher(SecretCipher.generateKey("k"), List.of()), clock);

    private AccessKeyRepository keys() {
        return (AccessKeyRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AccessKeyRepository.class}, (p, method, args) -> {
                    if (method.getName().equals("recordUse")) {
                        written.add((AccessKeyLastUsed) args[1]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aKeyUsedAgainSoonForTheSameServiceIsNotWrittenAgain() {
        service.recordUse("AKIAONE", "iam", "us-east-1");
        clock.now = clock.now.plusSeconds(30);
        service.recordUse("AKIAONE", "iam", "us-east-1");

        assertEquals(1, written.size());
    }

    @Test
    void anotherServiceRegionOrKeyOrALaterUseIsWritten() {
        service.recordUse("AKIAONE", "iam", "us-east-1");
        service.recordUse("AKIAONE", "sts", "us-east-1");
        service.recordUse("AKIAONE", "sts", "eu-west-1");
        service.recordUse("AKIATWO", "sts", "eu-west-1");
        clock.now = clock.now.plus(RecentUses.INTERVAL);
        service.recordUse("AKIATWO", "sts", "eu-west-1");

        assertEquals(5, written.size());
        assertEquals(clock.now, written.get(4).lastUsedDate());
    }
}
