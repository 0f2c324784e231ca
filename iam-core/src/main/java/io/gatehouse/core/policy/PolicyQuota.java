package io.gatehouse.core.policy;

import io.gatehouse.core.policy.json.Position;

/** IAM's size quotas for policy documents, in characters not counting whitespace. */
public enum PolicyQuota {
    MANAGED(6_144),
    INLINE_USER(2_048),
    INLINE_GROUP(5_120),
    INLINE_ROLE(10_240);

    private final int maxCharacters;

    PolicyQuota(int maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    public int maxCharacters() {
        return maxCharacters;
    }

    /** Throws {@link PolicySizeExceededException} when the document has too many non-whitespace characters. */
    public void check(String json) {
        int counted = 0;
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            }
            if (Character.isWhitespace(c)) {
                continue;
            }
            if (++counted > maxCharacters) {
                throw new PolicySizeExceededException(this, new Position(line, i - lineStart + 1));
            }
        }
    }
}
