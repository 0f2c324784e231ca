package io.gatehouse.persistence;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Flushes pending changes so that the database's verdict arrives inside the repository call, and
 * turns constraint violations into the IAM errors the caller would have raised itself. The
 * transaction stays the caller's; after such a failure it can only roll back.
 */
final class Flushes {

    /** SQLSTATE of a unique violation, on H2 and PostgreSQL alike. */
    static final String UNIQUE_VIOLATION = "23505";
    /** SQLSTATE of a row still referenced by another (H2 and PostgreSQL). */
    static final String FOREIGN_KEY_VIOLATION = "23503";

    private Flushes() {
    }

    static void flush(EntityManager em, Supplier<IamException> onDuplicate) {
        flush(em, onDuplicate, null);
    }

    static void flush(EntityManager em, Supplier<IamException> onDuplicate, Supplier<IamException> onReferenced) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw concurrentModification(e);
        } catch (PersistenceException e) {
            String state = sqlState(e);
            if (UNIQUE_VIOLATION.equals(state) && onDuplicate != null) {
                throw withCause(onDuplicate.get(), e);
            }
            if (FOREIGN_KEY_VIOLATION.equals(state) && onReferenced != null) {
                throw withCause(onReferenced.get(), e);
            }
            throw e;
        }
    }

    static IamException concurrentModification(Throwable cause) {
        return new IamException(ErrorCode.CONCURRENT_MODIFICATION,
                "The request was rejected because multiple requests to change this object were submitted "
                        + "simultaneously. Wait a few minutes and submit your request again.", cause);
    }

    /** The SQLSTATE of the first SQL exception in the cause chain, or null. */
    static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static IamException withCause(IamException error, Throwable cause) {
        return new IamException(error.code(), error.getMessage(), cause);
    }
}
