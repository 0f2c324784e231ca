package io.gatehouse.core.credential;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void verifiesTheHashedPassword() {
        String encoded = hasher.hash("correct horse".toCharArray());

        assertTrue(hasher.verify("correct horse".toCharArray(), encoded));
    }

    @Test
    void rejectsAnotherPassword() {
        String encoded = hasher.hash("correct horse".toCharArray());

        assertFalse(hasher.verify("correct horsf".toCharArray(), encoded));
    }

    @Test
    void encodesAlgorithmIterationsSaltAndHash() {
        String encoded = hasher.hash("pw".toCharArray());

        assertTrue(encoded.matches("pbkdf2-sha256\\$1000\\$[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}"), encoded);
    }

    @Test
    void saltsEachHash() {
        assertNotEquals(hasher.hash("pw".toCharArray()), hasher.hash("pw".toCharArray()));
    }

    @Test
    void malformedEncodingsAreNoMatchRatherThanErrors() {
        for (String encoded : new String[] {"", "plain", "pbkdf2-sha256$x$AAAA$AAAA", "md5$1000$AAAA$AAAA",
                "pbkdf2-sha256$1000$!!$AAAA", "pbkdf2-sha256$0$AAAA$AAAA", "pbkdf2-sha256$1000$AAAA"}) {
            assertFalse(hasher.verify("pw".toCharArray(), encoded), encoded);
        }
    }

    @Test
    void needsRehashWhenTheIterationsDiffer() {
        String encoded = hasher.hash("pw".toCharArray());

        assertFalse(hasher.needsRehash(encoded));
        assertTrue(new PasswordHasher(2_000).needsRehash(encoded));
        assertTrue(hasher.needsRehash("not a hash"));
    }

    @Test
    void theDefaultUsesSixHundredThousandIterations() {
        PasswordHasher production = new PasswordHasher();

        String encoded = production.hash("pw".toCharArray());

        assertTrue(encoded.startsWith("pbkdf2-sha256$600000$"), encoded);
        assertTrue(production.verify("pw".toCharArray(), encoded));
        assertTrue(production.needsRehash(hasher.hash("pw".toCharArray())));
    }
}
