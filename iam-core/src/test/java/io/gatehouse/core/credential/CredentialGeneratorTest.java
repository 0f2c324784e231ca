package io.gatehouse.core.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class CredentialGeneratorTest {

    private final CredentialGenerator generator = new CredentialGenerator();

    @Test
    void accessKeyIdsLookLikeAws() {
        assertTrue(generator.accessKeyId().matches("AKIA[A-Z2-7]{16}"));
    }

    @Test
    void temporaryAccessKeyIdsStartWithAsia() {
        assertTrue(generator.temporaryAccessKeyId().matches("ASIA[A-Z2-7]{16}"));
    }

    @Test
    void secretAccessKeysAreFortyBase64Characters() {
        assertTrue(generator.secretAccessKey().matches("[A-Za-z0-9+/]{40}"));
    }

    @Test
    void uniqueIdsAreTwentyOneCharactersAfterTheirPrefix() {
        for (String prefix : new String[] {"AIDA", "AGPA", "AROA", "ANPA"}) {
            String id = generator.uniqueId(prefix);
            assertTrue(id.matches(prefix + "[A-Z2-7]{17}"), id);
            assertEquals(21, id.length());
        }
    }

    @Test
    void uniqueIdPrefixMustBeFourUpperCaseLetters() {
        assertThrows(IllegalArgumentException.class, () -> generator.uniqueId("aida"));
    }

    @Test
    void generatedValuesDiffer() {
        assertNotEquals(generator.accessKeyId(), generator.accessKeyId());
        assertNotEquals(generator.secretAccessKey(), generator.secretAccessKey());
    }

    @RepeatedTest(50)
    void passwordsHoldEveryCharacterClass() {
        String password = generator.password(8);

        assertEquals(8, password.length());
        assertTrue(password.matches("[A-Za-z0-9!@#$%^&*()_+\\-=\\[\\]{}|']+"), password);
        assertTrue(password.matches(".*[A-Z].*"), password);
        assertTrue(password.matches(".*[a-z].*"), password);
        assertTrue(password.matches(".*[0-9].*"), password);
        assertTrue(password.matches(".*[!@#$%^&*()_+\\-=\\[\\]{}|'].*"), password);
    }

    @Test
    void passwordsShorterThanTheClassCountAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> generator.password(3));
    }
}
