package io.gatehouse.federation.login;

/**
 * Text a provider sends back (an {@code error} code or {@code error_description}) made safe to put
 * into a message shown to a person and written to logs: the characters RFC 6749 §4.1.2.1 allows
 * there, anything else as {@code ?}, and capped in length.
 */
final class ProviderText {

    static final int MAX_ERROR_LENGTH = 64;
    static final int MAX_DESCRIPTION_LENGTH = 200;

    private ProviderText() {
    }

    static String errorCode(String text) {
        return sanitized(text, MAX_ERROR_LENGTH);
    }

    static String description(String text) {
        return sanitized(text, MAX_DESCRIPTION_LENGTH);
    }

    /** "access_denied" or "access_denied: The user cancelled". */
    static String error(String error, String description) {
        String code = errorCode(error);
        return description == null || description.isBlank() ? code : code + ": " + description(description);
    }

    private static String sanitized(String text, int cap) {
        if (text == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder(Math.min(text.length(), cap + 3));
        for (int i = 0; i < text.length() && safe.length() < cap; i++) {
            char c = text.charAt(i);
            // %x20-21 / %x23-5B / %x5D-7E: printable ASCII without '"' and '\'
            safe.append(c >= 0x20 && c <= 0x7E && c != '"' && c != '\\' ? c : '?');
        }
        if (text.length() > cap) {
            safe.append("...");
        }
        return safe.toString();
    }
}
