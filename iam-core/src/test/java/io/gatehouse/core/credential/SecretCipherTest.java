package io.gatehouse.core.credential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final byte[] SECRET = bytes("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    private static final byte[] OWNER = bytes("AKIAIOSFODNN7EXAMPLE");

    private final MasterKey k1 = SecretCipher.generateKey("k1");
    private final MasterKey k2 = SecretCipher.generateKey("k2");

    @Test
    void opensWhatItSealed() {
        SecretCipher cipher = new SecretCipher(k1, List.of());

        SealedSecret sealed = cipher.seal(SECRET, OWNER);

        assertEquals("k1", sealed.keyId());
        assertArrayEquals(SECRET, cipher.open(sealed, OWNER));
    }

    @Test
    void prefixesTheGcmOutputWithATwelveByteNonce() {
        SealedSecret sealed = new SecretCipher(k1, List.of()).seal(SECRET, OWNER);

        assertEquals(12 + SECRET.length + 16, sealed.ciphertext().length);
    }

    @Test
    void sealsTheSameSecretDifferentlyEachTime() {
        SecretCipher cipher = new SecretCipher(k1, List.of());

        assertNotEquals(cipher.seal(SECRET, OWNER), cipher.seal(SECRET, OWNER));
    }

    @Test
    void refusesATamperedCiphertext() {
        SecretCipher cipher = new SecretCipher(k1, List.of());
        byte[] ciphertext = cipher.seal(SECRET, OWNER).ciphertext();
        ciphertext[20] ^= 1;

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> cipher.open(new SealedSecret("k1", ciphertext), OWNER));

        assertTrue(e.getMessage().contains("'k1'"), e.getMessage());
    }

    @Test
    void refusesAnotherOwnersAssociatedData() {
        SecretCipher cipher = new SecretCipher(k1, List.of());
        SealedSecret sealed = cipher.seal(SECRET, OWNER);

        assertThrows(IllegalStateException.class, () -> cipher.open(sealed, bytes("AKIAOTHEROWNER000000")));
    }

    @Test
    void refusesAnUnknownKeyIdNamingOnlyTheId() {
        SealedSecret sealed = new SecretCipher(k2, List.of()).seal(SECRET, OWNER);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new SecretCipher(k1, List.of()).open(sealed, OWNER));

        assertTrue(e.getMessage().contains("'k2'"), e.getMessage());
        assertFalse(e.getMessage().contains(HexFormat.of().formatHex(k2.key())));
    }

    @Test
    void refusesATruncatedCiphertext() {
        SecretCipher cipher = new SecretCipher(k1, List.of());

        assertThrows(IllegalStateException.class, () -> cipher.open(new SealedSecret("k1", new byte[10]), OWNER));
    }

    @Test
    void opensASecretSealedUnderThePreviousKeyAfterRotation() {
        SealedSecret sealedBefore = new SecretCipher(k1, List.of()).seal(SECRET, OWNER);

        SecretCipher rotated = new SecretCipher(k2, List.of(k1));

        assertArrayEquals(SECRET, rotated.open(sealedBefore, OWNER));
        assertEquals("k2", rotated.seal(SECRET, OWNER).keyId());
    }

    @Test
    void refusesTwoDifferentKeysWithOneId() {
        assertThrows(IllegalArgumentException.class,
                () -> new SecretCipher(k1, List.of(SecretCipher.generateKey("k1"))));
    }

    @Test
    void masterKeyMustBeThirtyTwoBytes() {
        assertThrows(IllegalArgumentException.class, () -> new MasterKey("short", new byte[16]));
    }

    @Test
    void masterKeyCopiesItsBytes() {
        byte[] raw = new byte[32];
        MasterKey key = new MasterKey("k", raw);
        raw[0] = 1;
        key.key()[1] = 1;

        assertArrayEquals(new byte[32], key.key());
    }

    @Test
    void toStringsShowNoKeyOrCiphertextBytes() {
        SealedSecret sealed = new SecretCipher(k1, List.of()).seal(SECRET, OWNER);

        assertEquals("MasterKey[id=k1]", k1.toString());
        assertEquals("SealedSecret[keyId=k1, " + sealed.ciphertext().length + " bytes]", sealed.toString());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
