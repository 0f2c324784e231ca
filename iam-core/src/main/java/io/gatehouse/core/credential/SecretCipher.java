package io.gatehouse.core.credential;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM encryption of secrets that must be recovered later (access-key secrets, which
 * SigV4 needs in the clear, and TOTP seeds), under a master key with an id so keys can rotate.
 * The associated data binds a secret to its owner: a sealed secret copied to another access key
 * does not open.
 */
public final class SecretCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MasterKey current;
    private final Map<String, MasterKey> known = new HashMap<>();

    /** Seals with {@code current}; opens what {@code current} or any of {@code previous} sealed. */
    public SecretCipher(MasterKey current, Collection<MasterKey> previous) {
        this.current = Objects.requireNonNull(current, "current");
        known.put(current.id(), current);
        for (MasterKey key : Objects.requireNonNull(previous, "previous")) {
            MasterKey existing = known.putIfAbsent(key.id(), key);
            if (existing != null && !existing.equals(key)) {
                throw new IllegalArgumentException("two different master keys share the id '" + key.id() + "'");
            }
        }
    }

    public SealedSecret seal(byte[] plaintext, byte[] associatedData) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(associatedData, "associatedData");
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, current, nonce, associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return new SealedSecret(current.id(),
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing under master key '" + current.id() + "' failed", e);
        }
    }

    /** The plaintext; an unknown key id or a failed authentication (tampering, wrong owner) throws. */
    public byte[] open(SealedSecret sealed, byte[] associatedData) {
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(associatedData, "associatedData");
        MasterKey key = known.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("no master key with id '" + sealed.keyId() + "' is configured");
        }
        byte[] ciphertext = sealed.ciphertext();
        if (ciphertext.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("secret sealed under master key '" + key.id() + "' is truncated");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(ciphertext, NONCE_BYTES), associatedData);
            return cipher.doFinal(ciphertext, NONCE_BYTES, ciphertext.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("secret sealed under master key '" + key.id()
                    + "' failed authentication: tampered, or sealed for another owner");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("opening under master key '" + key.id() + "' failed", e);
        }
    }

    /** A new random 256-bit master key. */
    public static MasterKey generateKey(String id) {
        byte[] key = new byte[MasterKey.KEY_BYTES];
        RANDOM.nextBytes(key);
        return new MasterKey(id, key);
    }

    private static Cipher cipher(int mode, MasterKey key, byte[] nonce, byte[] associatedData)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, new SecretKeySpec(key.key(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData);
        return cipher;
    }
}
