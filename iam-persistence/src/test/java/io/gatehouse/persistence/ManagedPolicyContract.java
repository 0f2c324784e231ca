package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.ManagedPolicy;
import io.gatehouse.core.identity.ManagedPolicyVersion;
import io.gatehouse.core.identity.PolicyAttachment;
import io.gatehouse.core.identity.PolicyAttachment.Kind;
import io.gatehouse.core.identity.PrincipalType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Customer-managed policies, their versions, and policy attachments. */
abstract class ManagedPolicyContract extends RepositoryContract {

    private static final AtomicInteger IDS = new AtomicInteger();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private static JpaManagedPolicyRepository policies(Store.Repositories r) {
        return new JpaManagedPolicyRepository(r.em());
    }

    private static JpaPolicyAttachmentRepository attachments(Store.Repositories r) {
        return new JpaPolicyAttachmentRepository(r.em());
    }

    private ManagedPolicy givenPolicy(AccountId account, String name) {
        ManagedPolicy policy = new ManagedPolicy(Arn.iam(account, "policy", "/", name),
                String.format("ANPA%017d", IDS.incrementAndGet()), name, "/", Optional.empty(), "v1", NOW, NOW);
        store.run(r -> policies(r).create(account, policy, new ManagedPolicyVersion("v1", "{\"v\":1}", NOW)));
        return policy;
    }

    @Test
    void findsPoliciesByArnAndByNameInAnyCase() {
        AccountId account = givenAccount();
        ManagedPolicy policy = givenPolicy(account, "Readers");

        assertEquals(Optional.of(policy), store.inTransaction(r -> policies(r).findByArn(policy.arn().toString())));
        assertEquals(Optional.of(policy), store.inTransaction(r -> policies(r).findByName(account, "READERS")));
        assertEquals(List.of(policy), store.inTransaction(r -> policies(r).list(account, "/")));
        assertEquals(1L, (long) store.inTransaction(r -> policies(r).count(account)));
    }

    @Test
    void theDatabaseRejectsASecondPolicyOfTheSameName() {
        AccountId account = givenAccount();
        givenPolicy(account, "Twice");

        IamException e = assertThrows(IamException.class, () -> givenPolicy(account, "twice"));
        assertEquals(ErrorCode.ENTITY_ALREADY_EXISTS, e.code());
    }

    @Test
    void numbersVersionsWithoutReuseAndListsThemNewestFirst() {
        AccountId account = givenAccount();
        ManagedPolicy policy = givenPolicy(account, "Versioned");

        store.run(r -> policies(r).addVersion(policy, "{\"v\":2}", NOW));
        store.run(r -> policies(r).deleteVersion(policy, "v2"));
        ManagedPolicyVersion v3 = store.inTransaction(r -> policies(r).addVersion(policy, "{\"v\":3}", NOW));

        assertEquals("v3", v3.versionId());
        assertEquals(List.of("v3", "v1"), store.inTransaction(r -> policies(r).versions(policy)).stream()
                .map(ManagedPolicyVersion::versionId).toList());
        assertEquals(Optional.of("{\"v\":3}"), store.inTransaction(r -> policies(r).version(policy, "v3"))
                .map(ManagedPolicyVersion::document));
    }

    @Test
    void savesTheDefaultVersionAndDeletesWithVersions() {
        AccountId account = givenAccount();
        ManagedPolicy policy = givenPolicy(account, "Defaulted");
        store.run(r -> policies(r).addVersion(policy, "{\"v\":2}", NOW));

        store.run(r -> policies(r).update(policy.withDefaultVersion("v2", NOW)));
        assertEquals("v2", store.inTransaction(r -> policies(r).findByArn(policy.arn().toString())).orElseThrow()
                .defaultVersionId());
        store.run(r -> policies(r).delete(policy));
        assertEquals(Optional.empty(), store.inTransaction(r -> policies(r).findByArn(policy.arn().toString())));
    }

    @Test
    void attachesDetachesAndCountsPerAccountAndKind() {
        AccountId one = givenAccount();
        AccountId two = givenAccount();
        String arn = "arn:aws:iam::aws:policy/ReadOnlyAccess";
        PolicyAttachment toUser = new PolicyAttachment(arn, PrincipalType.USER, "AIDA1", Kind.PERMISSIONS);
        store.run(r -> attachments(r).attach(one, toUser));
        store.run(r -> attachments(r).attach(one, new PolicyAttachment(arn, PrincipalType.GROUP, "AGPA1", Kind.PERMISSIONS)));
        store.run(r -> attachments(r).attach(two, new PolicyAttachment(arn, PrincipalType.USER, "AIDA2",
                Kind.PERMISSIONS_BOUNDARY)));

        assertEquals(2L, (long) store.inTransaction(r -> attachments(r).count(one, arn, Kind.PERMISSIONS)));
        assertEquals(0L, (long) store.inTransaction(r -> attachments(r).count(two, arn, Kind.PERMISSIONS)));
        assertEquals(1L, (long) store.inTransaction(r -> attachments(r).count(two, arn, Kind.PERMISSIONS_BOUNDARY)));
        assertEquals(List.of(arn), store.inTransaction(r -> attachments(r).attachedTo(PrincipalType.USER, "AIDA1",
                Kind.PERMISSIONS)));
        assertEquals(true, store.inTransaction(r -> attachments(r).detach(toUser)));
        assertEquals(false, store.inTransaction(r -> attachments(r).isAttached(toUser)));
        assertEquals(false, store.inTransaction(r -> attachments(r).detach(toUser)));
    }
}
