package io.gatehouse.core.policy.eval;

/**
 * IAM wildcard matching on compiled patterns. A compiled pattern marks its wildcards with the
 * private-use characters {@link #STAR} and {@link #ANY_CHAR}, so that a literal {@code *} or
 * {@code ?} (from {@code ${*}}, {@code ${?}} or a variable's value) can never act as a wildcard.
 * Matching is iterative with single-star backtracking: linear in practice, never exponential,
 * and allocation-free.
 */
public final class Glob {
    /** Matches any run of characters, including none. */
    public static final char STAR = '\uE000';
    /** Matches exactly one character. */
    public static final char ANY_CHAR = '\uE001';

    private Glob() {
    }

    /** Turns policy text into a compiled pattern: {@code *} and {@code ?} become wildcards. */
    public static String compile(String policyText) {
        return policyText.replace('*', STAR).replace('?', ANY_CHAR);
    }

    public static boolean hasWildcard(String compiled) {
        return compiled.indexOf(STAR) >= 0 || compiled.indexOf(ANY_CHAR) >= 0;
    }

    public static boolean matches(String pattern, String text) {
        return matches(pattern, 0, pattern.length(), text, 0, text.length());
    }

    /** Whether {@code pattern[ps,pe)} matches all of {@code text[ts,te)}. */
    static boolean matches(String pattern, int ps, int pe, String text, int ts, int te) {
        int p = ps;
        int t = ts;
        int starP = -1;
        int starT = -1;
        while (t < te) {
            if (p < pe) {
                char pc = pattern.charAt(p);
                if (pc == STAR) {
                    starP = p++;
                    starT = t;
                    continue;
                }
                if (pc == ANY_CHAR || pc == text.charAt(t)) {
                    p++;
                    t++;
                    continue;
                }
            }
            if (starP < 0) {
                return false;
            }
            p = starP + 1;
            t = ++starT;
        }
        while (p < pe && pattern.charAt(p) == STAR) {
            p++;
        }
        return p == pe;
    }

    /**
     * ARN matching: the pattern and the ARN are compared field by field for the first five
     * {@code :}-separated fields (partition, service, region, account and the start), so a wildcard
     * never spans a colon there; the sixth field (the resource) is matched as a whole and may hold
     * colons. A pattern that is just {@code *} matches anything.
     */
    public static boolean matchesArn(String pattern, String arn) {
        if (pattern.length() == 1 && pattern.charAt(0) == STAR) {
            return true;
        }
        int ps = 0;
        int ts = 0;
        for (int field = 0; field < 5; field++) {
            int pc = pattern.indexOf(':', ps);
            int tc = arn.indexOf(':', ts);
            if (pc < 0 || tc < 0) {
                // Fewer than six fields on one side: the rest is compared as one field.
                return (pc < 0) == (tc < 0) && matches(pattern, ps, pattern.length(), arn, ts, arn.length());
            }
            if (!matches(pattern, ps, pc, arn, ts, tc)) {
                return false;
            }
            ps = pc + 1;
            ts = tc + 1;
        }
        return matches(pattern, ps, pattern.length(), arn, ts, arn.length());
    }
}
