package io.gatehouse.web.query;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import jakarta.persistence.OptimisticLockException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ErrorResponsesTest {

    @Test
    void findsTheIamErrorInsideWrappers() {
        IamException cause = IamException.noSuchEntity("gone");

        assertEquals(cause, ErrorResponses.asIamException(new RuntimeException(new IllegalStateException(cause)), "r"));
    }

    @Test
    void anOptimisticLockFailureIsAConcurrentModification() {
        IamException mapped = ErrorResponses.asIamException(new RuntimeException(new OptimisticLockException()), "r");

        assertEquals(ErrorCode.CONCURRENT_MODIFICATION, mapped.code());
    }

    @Test
    void anythingElseIsAServiceFailureThatRevealsNoDetail() {
        IamException mapped = ErrorResponses.asIamException(new IllegalStateException("database password is hunter2"), "r");

        assertEquals(ErrorCode.SERVICE_FAILURE, mapped.code());
        assertFalse(mapped.getMessage().contains("hunter2"));
    }
}
