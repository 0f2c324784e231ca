package io.gatehouse.core.policy.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatehouse.core.policy.ConditionValues;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2024-05-01T12:00:00Z", "2024-02-29T23:59:59.5Z", "1970-01-01T00:00:00.000Z",
        "1969-12-31T23:59:59Z", "2024-05-01T12:00:00.Z", "2024-13-01T00:00:00Z", "1714564800", "-5"})
    void theAllocationFreeDateReaderAgreesWithJavaTime(String text) {
        // Request dates take a fast path; it must read exactly what the policy side reads.
        assertEquals(ConditionValues.dateMillis(text), RequestValues.dateMillis(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "42", "-17", "123456789012345", "1.5", "1e3", "x", ""})
    void theFastNumberReaderAgreesWithTheGeneralOne(String text) {
        assertEquals(ConditionValues.number(text), RequestValues.number(text));
    }
}
