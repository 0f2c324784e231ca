package io.gatehouse.core.policy.eval;

import io.gatehouse.core.policy.ConditionValues;
import io.gatehouse.core.policy.IpRange;

/**
 * Reads typed request values on the hot path. The common forms (integers, UTC timestamps such as
 * {@code 2024-05-01T12:00:00Z}, epoch seconds, dotted IPv4) are read without allocating; anything
 * else falls back to the general readers in {@link ConditionValues} and {@link IpRange}.
 */
final class RequestValues {
    private RequestValues() {
    }

    static double number(String s) {
        int n = s.length();
        if (n > 0 && n <= 15) {
            int i = s.charAt(0) == '-' ? 1 : 0;
            long v = 0;
            boolean digits = i < n;
            for (int j = i; j < n && digits; j++) {
                char c = s.charAt(j);
                digits = c >= '0' && c <= '9';
                v = v * 10 + (c - '0');
            }
            if (digits) {
                return i == 1 ? -v : v;
            }
        }
        return ConditionValues.number(s);
    }

    static long dateMillis(String s) {
        long fast = utcTimestamp(s);
        return fast != ConditionValues.NOT_A_DATE ? fast : ConditionValues.dateMillis(s);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.fff]Z} without allocating, or NOT_A_DATE. */
    private static long utcTimestamp(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return ConditionValues.NOT_A_DATE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int millis = 0;
        if (n > 20) {
            if (s.charAt(19) != '.' || n > 30) {
                return ConditionValues.NOT_A_DATE;
            }
            int fraction = digits(s, 20, Math.min(3, n - 21));
            for (int i = Math.min(3, n - 21); i < 3; i++) {
                fraction *= 10;
            }
            if (digits(s, 20, n - 21) < 0) {
                return ConditionValues.NOT_A_DATE;
            }
            millis = fraction;
        }
        if ((year | month | day | hour | minute | second | millis) < 0 || month < 1 || month > 12 || day < 1
                || day > 31 || hour > 23 || minute > 59 || second > 59) {
            return ConditionValues.NOT_A_DATE;
        }
        long days = daysFromCivil(year, month, day);
        return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    private static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    /** A dotted IPv4 address as an int, or -1L when {@code s} is not one. */
    static long ipv4(String s) {
        long result = 0;
        int part = 0;
        int value = -1;
        int n = s.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? s.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    return -1L;
                }
            } else if (c == '.' && value >= 0 && part < 4) {
                result = (result << 8) | value;
                part++;
                value = -1;
            } else {
                return -1L;
            }
        }
        return part == 4 ? result : -1L;
    }
}
