package io.gatehouse.core.credential;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** AES-256-GCM sealing of recoverable secrets; seals with the current key, opens with any known key. */
public final class SecretCipher {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MasterKey current;
    private final Map<String, MasterKey> known = new HashMap<>();

    public SecretCipher(MasterKey current, Collection<MasterKey> previous) {
        this.current = current;
        previous.forEach(k -> known.put(k.id(), k));
        known.put(current.id(), current);
    }

    public SealedSecret seal(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(current.key(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return new SealedSecret(current.id(), out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealing failed with key " + current.id(), e);
        }
    }

    public byte[] open(SealedSecret sealed, byte[] associatedData) {
        MasterKey key = known.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("No master key with id " + sealed.keyId());
        }
        byte[] data = sealed.ciphertext();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.key(), "AES"),
                    new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A secret sealed with key " + sealed.keyId() + " failed to open", e);
        }
    }

    public static MasterKey generateKey(String id) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new MasterKey(id, key);
    }
}
