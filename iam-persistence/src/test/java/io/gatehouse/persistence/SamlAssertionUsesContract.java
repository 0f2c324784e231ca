package io.gatehouse.persistence;

import io.gatehouse.core.arn.Arn;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

abstract class SamlAssertionUsesContract extends RepositoryContract {

    private static final Arn PROVIDER = Arn.parse("arn:aws:iam::111111111111:saml-provider/corp");

    @Test
    void anAssertionIsUsableOnce() {
        String id = "_" + UUID.randomUUID();

        assertTrue(use(T0, uses -> uses.firstUse(id, PROVIDER, T0.plusSeconds(300))));
        assertFalse(use(T0.plusSeconds(10), uses -> uses.firstUse(id, PROVIDER, T0.plusSeconds(300))));
    }

    @Test
    void aUseRolledBackWithItsTransactionIsForgotten() {
        String id = "_" + UUID.randomUUID();
        EntityManager em = store.entityManager();
        em.getTransaction().begin();
        new JpaSamlAssertionUses(em, Clock.fixed(T0, ZoneOffset.UTC)).firstUse(id, PROVIDER, T0.plusSeconds(300));
        em.getTransaction().rollback();
        em.close();

        assertTrue(use(T0, uses -> uses.firstUse(id, PROVIDER, T0.plusSeconds(300))));
    }

    @Test
    void expiredUsesAreDeletedAsNewOnesArrive() {
        String expired = "_" + UUID.randomUUID();
        use(T0, uses -> uses.firstUse(expired, PROVIDER, T0.plusSeconds(60)));

        use(T0.plusSeconds(3600), uses -> uses.firstUse("_" + UUID.randomUUID(), PROVIDER, T0.plusSeconds(4000)));

        assertEquals(0, count(expired));
    }

    private boolean use(Instant now, Function<JpaSamlAssertionUses, Boolean> work) {
        return store.inTransaction(r -> work.apply(new JpaSamlAssertionUses(r.em(), Clock.fixed(now, ZoneOffset.UTC))));
    }

    private long count(String id) {
        return store.inTransaction(r -> ((Number) r.em()
                .createNativeQuery("select count(*) from saml_assertion_uses where assertion_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue());
    }
}
