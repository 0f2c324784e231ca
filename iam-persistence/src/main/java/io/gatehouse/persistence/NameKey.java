package io.gatehouse.persistence;

import java.util.Locale;

/** The form in which names are compared: IAM names are unique per account regardless of case. */
final class NameKey {

    private NameKey() {
    }

    static String of(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
