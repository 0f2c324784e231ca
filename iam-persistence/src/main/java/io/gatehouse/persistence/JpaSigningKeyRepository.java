package io.gatehouse.persistence;

import io.gatehouse.core.port.SigningKeyRepository;
import io.gatehouse.core.sts.SigningKey;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Objects;

/** Bearer-token signing keys in {@code token_signing_keys}. Runs in the caller's transaction. */
public final class JpaSigningKeyRepository implements SigningKeyRepository {

    private final EntityManager em;

    public JpaSigningKeyRepository(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    @Override
    public List<SigningKey> all() {
        return em.createQuery("select k from TokenSigningKeyEntity k order by k.createDate desc, k.keyId",
                        TokenSigningKeyEntity.class)
                .getResultList().stream().map(TokenSigningKeyEntity::toSigningKey).toList();
    }

    @Override
    public void create(SigningKey key) {
        em.persist(new TokenSigningKeyEntity(key));
        Flushes.flush(em, null);
    }
}
