package io.gatehouse.core.policy.eval;

/**
 * A constant resource pattern split into its six ARN fields once, so that matching compares
 * literal fields with one region comparison and runs the wildcard loop only on fields that have
 * wildcards. Same meaning as {@link Glob#matchesArn}.
 */
final class ArnPattern {
    private static final int FIELDS = 6;

    private final boolean any;
    /** The whole compiled pattern, used when it has fewer than six fields. */
    private final String fallback;
    /** Per field: the literal text, or {@code null} when the field has wildcards. */
    private final String[] literals;
    /** Per field: the compiled pattern when the field has wildcards. */
    private final char[][] globs;

    private ArnPattern(boolean any, String fallback, String[] literals, char[][] globs) {
        this.any = any;
        this.fallback = fallback;
        this.literals = literals;
        this.globs = globs;
    }

    static ArnPattern compile(String compiled) {
        if (compiled.length() == 1 && compiled.charAt(0) == Glob.STAR) {
            return new ArnPattern(true, null, null, null);
        }
        String[] fields = compiled.split(":", FIELDS);
        if (fields.length < FIELDS) {
            return new ArnPattern(false, compiled, null, null);
        }
        String[] literals = new String[FIELDS];
        char[][] globs = new char[FIELDS][];
        for (int i = 0; i < FIELDS; i++) {
            if (Glob.hasWildcard(fields[i])) {
                globs[i] = fields[i].toCharArray();
            } else {
                literals[i] = fields[i];
            }
        }
        return new ArnPattern(false, null, literals, globs);
    }

    boolean matches(String arn) {
        if (any) {
            return true;
        }
        if (fallback != null) {
            return Glob.matchesArn(fallback, arn);
        }
        // Locate the five separators first, then test the resource field: it differs most often.
        int c0 = arn.indexOf(':');
        int c1 = c0 < 0 ? -1 : arn.indexOf(':', c0 + 1);
        int c2 = c1 < 0 ? -1 : arn.indexOf(':', c1 + 1);
        int c3 = c2 < 0 ? -1 : arn.indexOf(':', c2 + 1);
        int c4 = c3 < 0 ? -1 : arn.indexOf(':', c3 + 1);
        if (c4 < 0) {
            return false;
        }
        return field(5, arn, c4 + 1, arn.length()) && field(4, arn, c3 + 1, c4) && field(3, arn, c2 + 1, c3)
                && field(2, arn, c1 + 1, c2) && field(1, arn, c0 + 1, c1) && field(0, arn, 0, c0);
    }

    private boolean field(int f, String arn, int ts, int te) {
        String literal = literals[f];
        if (literal != null) {
            return te - ts == literal.length() && arn.regionMatches(ts, literal, 0, te - ts);
        }
        return Glob.matches(globs[f], arn, ts, te);
    }
}
