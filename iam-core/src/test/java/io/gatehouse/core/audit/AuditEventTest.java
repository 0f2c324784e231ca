package io.gatehouse.core.audit;

import io.gatehouse.core.arn.AccountId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuditEventTest {

    @Test
    void aSuccessIsRedactedAndCarriesAnIdOrderedByItsTime() {
        Instant at = Instant.parse("2026-12-01T10:00:00.123Z");
        AuditEvent event = AuditEvent.success(new AccountId("111122223333"), at, "arn:aws:iam::111122223333:user/a",
                "CreateLoginProfile", "127.0.0.1", "req-1", Map.of("UserName", "a", "Password", "Secret-123!"));

        assertEquals(Map.of("UserName", "a", "Password", Redaction.REDACTED), event.parameters());
        assertEquals("Success", event.outcome());
        assertEquals(at, event.eventTime());
        assertEquals(at.toEpochMilli(), UUID.fromString(event.eventId()).getMostSignificantBits() >>> 16);
    }
}
