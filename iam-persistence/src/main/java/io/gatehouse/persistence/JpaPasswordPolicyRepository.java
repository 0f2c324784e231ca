package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.PasswordPolicy;
import io.gatehouse.core.port.PasswordPolicyRepository;
import jakarta.persistence.EntityManager;

import java.util.Objects;
import java.util.Optional;

/** Password policies in {@code password_policies}, one row per account. Runs in the caller's transaction. */
public final class JpaPasswordPolicyRepository implements PasswordPolicyRepository {

    private final EntityManager em;

    public JpaPasswordPolicyRepository(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    @Override
    public Optional<PasswordPolicy> find(AccountId account) {
        return Optional.ofNullable(em.find(PasswordPolicyEntity.class, account.value()))
                .map(PasswordPolicyEntity::toPolicy);
    }

    /** Two accounts' first policies racing each other: the loser sees ConcurrentModification. */
    @Override
    public void put(AccountId account, PasswordPolicy policy) {
        PasswordPolicyEntity entity = em.find(PasswordPolicyEntity.class, account.value());
        if (entity == null) {
            em.persist(new PasswordPolicyEntity(account.value(), policy));
        } else {
            entity.apply(policy);
        }
        Flushes.flush(em, () -> Flushes.concurrentModification(null));
    }

    @Override
    public boolean delete(AccountId account) {
        PasswordPolicyEntity entity = em.find(PasswordPolicyEntity.class, account.value());
        if (entity == null) {
            return false;
        }
        em.remove(entity);
        Flushes.flush(em, null);
        return true;
    }

}
