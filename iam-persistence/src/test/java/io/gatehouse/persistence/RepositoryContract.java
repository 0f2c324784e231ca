package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.SealedSecret;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.AccessKey;
import io.gatehouse.core.identity.AccessKeyStatus;
import io.gatehouse.core.identity.Account;
import io.gatehouse.core.identity.Group;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.TestAbortedException;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What every database must do for the repositories. Each concrete class names a database; each
 * class gets a freshly migrated one, and each test works in an account of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RepositoryContract {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger IDS = new AtomicInteger();
    /** Microseconds: what timestamp(6) keeps on both databases. */
    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

    private TestDatabase database;
    /** Why this database is not available here (tests are then skipped), or null. */
    private String unavailable;
    protected Store store;

    /** A new, empty database; the caller closes it. */
    protected abstract TestDatabase openDatabase();

    @BeforeAll
    void migrateAndStart() {
        try {
            database = openDatabase();
        } catch (TestAbortedException e) {
            unavailable = e.getMessage();
            return;
        }
        SchemaMigrator.migrate(database.dataSource());
        store = new Store(database.dataSource());
    }

    /** Skips each test, with the reason, so that reports count them as skipped rather than absent. */
    @BeforeEach
    void requireDatabase() {
        if (unavailable != null) {
            Assumptions.abort(unavailable);
        }
    }

    @AfterAll
    void stop() {
        if (store != null) {
            store.close();
        }
        if (database != null) {
            database.close();
        }
    }

    protected AccountId givenAccount() {
        AccountId id = AccountId.random(RANDOM);
        store.run(r -> r.accounts().create(new Account(id, "test", "root@example.com", T0), "hash-of-" + id));
        return id;
    }

    protected static String uniqueId(String prefix) {
        return String.format("%s%016d", prefix, IDS.incrementAndGet());
    }

    protected static User user(AccountId account, String name) {
        return user(account, name, "/");
    }

    protected static User user(AccountId account, String name, String path) {
        return new User(account, uniqueId("AIDA"), name, path, T0, List.of());
    }

    protected static Group group(AccountId account, String name) {
        return group(account, name, "/");
    }

    protected static Group group(AccountId account, String name, String path) {
        return new Group(account, uniqueId("AGPA"), name, path, T0);
    }

    protected static AccessKey key(AccountId account, Optional<String> userId, byte[] ciphertext, Instant created) {
        return new AccessKey(uniqueId("AKIA"), account, userId, AccessKeyStatus.Active,
                new SealedSecret("master-1", ciphertext), created);
    }

    protected User givenUser(AccountId account, String name, String path, Tag... tags) {
        User user = user(account, name, path).withTags(List.of(tags));
        store.run(r -> r.users().create(user));
        return user;
    }

    protected User givenUser(AccountId account, String name) {
        return givenUser(account, name, "/");
    }

    protected Group givenGroup(AccountId account, String name, String path) {
        Group group = group(account, name, path);
        store.run(r -> r.groups().create(group));
        return group;
    }

    protected Group givenGroup(AccountId account, String name) {
        return givenGroup(account, name, "/");
    }

    /** A count read in its own transaction (a primitive, so assertEquals picks the long overload). */
    protected long count(java.util.function.Function<Store.Repositories, Long> query) {
        return store.inTransaction(query);
    }

    /** A yes/no question answered in its own transaction. */
    protected boolean holds(java.util.function.Function<Store.Repositories, Boolean> query) {
        return store.inTransaction(query);
    }

    protected static Instant at(long seconds) {
        return T0.plus(seconds, ChronoUnit.SECONDS);
    }

    protected static IamException assertIamError(ErrorCode code, Executable call) {
        IamException error = assertThrows(IamException.class, call);
        assertEquals(code, error.code(), error.getMessage());
        return error;
    }
}
