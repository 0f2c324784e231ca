package io.gatehouse.core.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * How the typed condition families read a value, shared by validation (policy values) and
 * evaluation (request values) so both sides agree.
 */
public final class ConditionValues {
    /** Returned by {@link #dateMillis} for text that is not a date. */
    public static final long NOT_A_DATE = Long.MIN_VALUE;

    private ConditionValues() {
    }

    /** A decimal number, or NaN when the text is not one. */
    public static double number(String text) {
        if (text.isEmpty() || text.length() > 64) {
            return Double.NaN;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return Double.NaN;
            }
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Milliseconds since the epoch for an ISO 8601 date or date-time (without an offset it is UTC)
     * or for whole epoch seconds; {@link #NOT_A_DATE} otherwise.
     */
    public static long dateMillis(String text) {
        if (text.isEmpty() || text.length() > 40) {
            return NOT_A_DATE;
        }
        if (isEpochSeconds(text)) {
            long seconds = Long.parseLong(text);
            return Math.abs(seconds) > 9_000_000_000_000L ? NOT_A_DATE : seconds * 1000;
        }
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException ignored) {
            return NOT_A_DATE;
        }
    }

    private static boolean isEpochSeconds(String text) {
        int start = text.charAt(0) == '-' ? 1 : 0;
        if (start == text.length() || text.length() - start > 18) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code Bool} and {@code Null} take {@code true} or {@code false}, in any case. */
    public static boolean isBoolean(String text) {
        return "true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text);
    }

    /** Base64-decoded bytes, or {@code null} when the text is not base64. */
    public static byte[] binary(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Renders milliseconds as ISO 8601, for messages. */
    public static String formatMillis(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
