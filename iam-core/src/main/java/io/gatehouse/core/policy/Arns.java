package io.gatehouse.core.policy;

/** The few facts about ARN text that validation needs. */
final class Arns {
    private Arns() {
    }

    /** Number of {@code :}-separated segments, counting at most six (the resource may hold colons). */
    static int segmentCount(String arn) {
        int count = 1;
        for (int i = 0; i < arn.length() && count < 6; i++) {
            if (arn.charAt(i) == ':') {
                count++;
            }
        }
        return count;
    }
}
