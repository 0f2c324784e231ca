package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Account;
import io.gatehouse.core.identity.CredentialReport;
import io.gatehouse.core.port.AccessKeyRepository;
import io.gatehouse.core.port.AccountRepository;
import io.gatehouse.core.port.CredentialReportRepository;
import io.gatehouse.core.port.LoginProfileRepository;
import io.gatehouse.core.port.MfaDeviceRepository;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PasswordPolicyRepository;
import io.gatehouse.core.port.SigningCertificateRepository;
import io.gatehouse.core.port.UserRepository;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a credential report is made, reused and expired (the rows are checked on the real server). */
class CredentialReportServiceTest {

    private static final AccountId ACCOUNT = new AccountId("123456789012");
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private final SettableClock clock = new SettableClock(T0);
    private final Reports reports = new Reports();
    private final CredentialReportService service = new CredentialReportService(reports, accounts(), empty(UserRepository.class),
            empty(LoginProfileRepository.class), empty(MfaDeviceRepository.class), empty(AccessKeyRepository.class),
            empty(SigningCertificateRepository.class), empty(PasswordPolicyRepository.class), clock,
            CredentialReportService.LIFETIME);

    @Test
    void noReportUntilOneIsGenerated() {
        assertEquals(ErrorCode.REPORT_NOT_PRESENT, assertThrows(IamException.class, () -> service.get(ACCOUNT)).code());
    }

    @Test
    void aReportIsMadeOnceAndReusedForFourHours() {
        assertEquals(CredentialReportService.State.STARTED, service.generate(ACCOUNT));
        CredentialReport first = service.get(ACCOUNT);
        assertTrue(first.csv().startsWith(CredentialReportService.HEADER + "\n<root_account>,arn:aws:iam::123456789012:root,"),
                first.csv());

        clock.now = T0.plus(Duration.ofHours(3));
        assertEquals(CredentialReportService.State.COMPLETE, service.generate(ACCOUNT));
        assertEquals(T0, service.get(ACCOUNT).generated());

        clock.now = T0.plus(Duration.ofHours(4));
        assertEquals(ErrorCode.REPORT_EXPIRED, assertThrows(IamException.class, () -> service.get(ACCOUNT)).code());
        assertEquals(CredentialReportService.State.STARTED, service.generate(ACCOUNT));
        assertEquals(clock.now, service.get(ACCOUNT).generated());
    }

    @Test
    void theRootRowSaysWhatIamDoesNotManage() {
        service.generate(ACCOUNT);
        String root = service.get(ACCOUNT).csv().split("\n")[1];

        assertEquals("<root_account>,arn:aws:iam::123456789012:root,2026-01-01T00:00:00Z,not_supported,no_information,"
                + "not_supported,not_supported,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A", root);
        assertEquals(CredentialReportService.HEADER.split(",").length, root.split(",").length);
    }

    private static AccountRepository accounts() {
        Account account = new Account(ACCOUNT, "test", "root@example.com", Instant.parse("2026-01-01T00:00:00Z"));
        return proxy(AccountRepository.class, (name, args) -> name.equals("find") ? Optional.of(account) : null);
    }

    /** A repository with nothing in it: every finder answers empty. */
    private static <T> T empty(Class<T> type) {
        return proxy(type, (name, args) -> null);
    }

    private static <T> T proxy(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            Object given = answer.apply(method.getName(), args);
            if (given != null) {
                return given;
            }
            Class<?> returns = method.getReturnType();
            if (returns == Optional.class) {
                return Optional.empty();
            }
            if (returns == List.class) {
                return List.of();
            }
            if (returns == Page.class) {
                return new Page<>(List.of(), Optional.empty());
            }
            if (returns == long.class) {
                return 0L;
            }
            if (returns == boolean.class) {
                return false;
            }
            throw new UnsupportedOperationException(method.getName());
        }));
    }

    private static final class Reports implements CredentialReportRepository {
        private final AtomicReference<CredentialReport> stored = new AtomicReference<>();

        @Override
        public Optional<CredentialReport> find(AccountId account) {
            return Optional.ofNullable(stored.get());
        }

        @Override
        public void put(CredentialReport report) {
            stored.set(report);
        }
    }
}
