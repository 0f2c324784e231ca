package io.gatehouse.core.policy;

/** The syntax of action names and patterns: {@code *}, or {@code service:Name} with wildcards. */
public final class Actions {
    private Actions() {
    }

    public static boolean isValidPattern(String pattern) {
        if (pattern.equals("*")) {
            return true;
        }
        int colon = pattern.indexOf(':');
        if (colon <= 0 || colon == pattern.length() - 1 || pattern.indexOf(':', colon + 1) >= 0) {
            return false;
        }
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '*' || c == '?' || c == '.' || i == colon;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
