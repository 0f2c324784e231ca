package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.identity.Group;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.policy.eval.PolicySet;
import io.gatehouse.core.sts.SessionPrincipal;
import io.gatehouse.core.sts.SessionToken;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RecentlyReadPoliciesTest {

    private static final AccountId ACCOUNT = new AccountId("111122223333");
    private static final Arn ROLE_ARN = Arn.iam(ACCOUNT, "role", "/", "deploy");

    /** Counts how often the store is asked, per kind of principal. */
    private static final class CountingStore implements PrincipalPolicies {
        final AtomicInteger sessions = new AtomicInteger();

        @Override
        public PolicySet forUser(User user) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PolicySet forGroup(Group group) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PolicySet forRole(Role role) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PolicySet forSession(SessionToken session) {
            sessions.incrementAndGet();
            return PolicySet.builder().build();
        }
    }

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final AccountChanges changes = new AccountChanges();
    private final CountingStore store = new CountingStore();
    private final RecentlyReadPolicies policies = new RecentlyReadPolicies(store, changes, clock);

    private SessionToken session(String name, Optional<String> sessionPolicy) {
        return new SessionToken("ASIA" + "X".repeat(16), "s".repeat(40),
                new SessionPrincipal.AssumedRole(ACCOUNT, "AROAEXAMPLE0000000001", ROLE_ARN, "deploy", name),
                clock.now, clock.now.plusSeconds(3600), Optional.empty(), sessionPolicy, List.of(), List.of(), Set.of(),
                Optional.empty(), false);
    }

    @Test
    void everySessionOfARoleSharesOneRead() {
        policies.forSession(session("a", Optional.empty()));
        policies.forSession(session("b", Optional.empty()));
        assertEquals(1, store.sessions.get());
    }

    @Test
    void aSessionPolicyMakesASetOfItsOwn() {
        policies.forSession(session("a", Optional.empty()));
        policies.forSession(session("b", Optional.of("{\"Version\":\"2012-10-17\",\"Statement\":[]}")));
        assertEquals(2, store.sessions.get());
    }

    @Test
    void aChangeToTheRolesAccountIsSeenByTheNextRequest() {
        policies.forSession(session("a", Optional.empty()));
        changes.changed(ACCOUNT);
        policies.forSession(session("a", Optional.empty()));
        assertEquals(2, store.sessions.get());
    }
}
