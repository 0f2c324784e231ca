package io.gatehouse.persistence;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.port.SamlAssertionUses;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Used SAML assertion ids in {@code saml_assertion_uses}, written in the caller's transaction. The
 * primary key decides a race between two nodes: the second insert fails and reads as a replay.
 */
public final class JpaSamlAssertionUses implements SamlAssertionUses {

    /** Expired rows removed per use: enough to keep up with the uses, too few to slow one down. */
    static final int EXPIRED_ROWS_PER_USE = 20;

    private final EntityManager em;
    private final Clock clock;

    public JpaSamlAssertionUses(EntityManager em, Clock clock) {
        this.em = Objects.requireNonNull(em, "em");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean firstUse(String assertionId, Arn provider, Instant expiresAt) {
        deleteExpired(utc(clock.instant()));
        if (!em.createNativeQuery("select assertion_id from saml_assertion_uses where assertion_id = ?1")
                .setParameter(1, assertionId).getResultList().isEmpty()) {
            return false;
        }
        try {
            em.createNativeQuery("insert into saml_assertion_uses (assertion_id, provider_arn, expires_at) "
                            + "values (?1, ?2, ?3)")
                    .setParameter(1, assertionId).setParameter(2, provider.toString()).setParameter(3, utc(expiresAt))
                    .executeUpdate();
            return true;
        } catch (PersistenceException e) {
            if (Flushes.UNIQUE_VIOLATION.equals(Flushes.sqlState(e))) {
                return false;
            }
            throw e;
        }
    }

    /** A bounded batch of rows whose assertions expired before {@code before}. */
    private void deleteExpired(OffsetDateTime before) {
        @SuppressWarnings("unchecked")
        List<Object> expired = em.createNativeQuery("select assertion_id from saml_assertion_uses "
                        + "where expires_at < ?1 order by expires_at")
                .setParameter(1, before).setMaxResults(EXPIRED_ROWS_PER_USE).getResultList();
        for (Object id : expired) {
            em.createNativeQuery("delete from saml_assertion_uses where assertion_id = ?1")
                    .setParameter(1, id).executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
