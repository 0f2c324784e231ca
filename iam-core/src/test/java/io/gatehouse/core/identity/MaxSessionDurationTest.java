package io.gatehouse.core.identity;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A role's MaxSessionDuration: one to twelve hours, one hour by default. */
class MaxSessionDurationTest {

    @Test
    void defaultsToOneHour() {
        assertEquals(3600, MaxSessionDuration.DEFAULT.seconds());
    }

    @Test
    void acceptsBothBounds() {
        assertEquals(3600, new MaxSessionDuration(3600).seconds());
        assertEquals(43200, new MaxSessionDuration(43200).seconds());
    }

    @Test
    void refusesLessThanAnHourAsValidationError() {
        IamException e = assertThrows(IamException.class, () -> new MaxSessionDuration(100));

        assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
        assertTrue(e.getMessage().contains("at 'maxSessionDuration'"), e.getMessage());
        assertTrue(e.getMessage().contains("greater than or equal to 3600"), e.getMessage());
    }

    @Test
    void refusesMoreThanTwelveHours() {
        IamException e = assertThrows(IamException.class, () -> new MaxSessionDuration(50000));

        assertTrue(e.getMessage().contains("less than or equal to 43200"), e.getMessage());
    }
}
