package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.port.RoleMappingRepository;
import jakarta.persistence.EntityManager;

import java.util.Objects;
import java.util.Optional;

/** Role-mapping documents in {@code role_mapping_rules}, one per provider ARN. Runs in the caller's transaction. */
public final class JpaRoleMappingRepository implements RoleMappingRepository {

    private final EntityManager em;

    public JpaRoleMappingRepository(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    @Override
    public Optional<String> find(Arn provider) {
        return Optional.ofNullable(em.find(RoleMappingEntity.class, provider.toString()))
                .map(RoleMappingEntity::document);
    }

    @Override
    public void put(AccountId account, Arn provider, String document) {
        RoleMappingEntity entity = em.find(RoleMappingEntity.class, provider.toString());
        if (entity == null) {
            em.persist(new RoleMappingEntity(provider.toString(), account.value(), document));
        } else {
            entity.document(document);
        }
        Flushes.flush(em, null);
    }

    @Override
    public boolean delete(Arn provider) {
        RoleMappingEntity entity = em.find(RoleMappingEntity.class, provider.toString());
        if (entity == null) {
            return false;
        }
        em.remove(entity);
        Flushes.flush(em, null);
        return true;
    }
}
