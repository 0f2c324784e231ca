package io.gatehouse.core.sts;

import io.gatehouse.core.credential.MasterKey;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The keys session tokens are sealed with, derived from the master keys rather than configured
 * apart: one secret to protect and rotate. Each master key yields its own token key (HKDF-SHA256,
 * RFC 5869, with a label of its own so the key never doubles as the at-rest key); a token names the
 * master key id it was sealed under, so after a rotation new tokens use the new key while tokens
 * sealed under a previous key stay valid until they expire.
 */
public final class TokenKeys {

    private static final byte[] SALT = "gatehouse/sts".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFO = "session-token/v1".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY_BYTES = 32;

    private final String currentId;
    private final Map<String, SecretKey> byId;

    public TokenKeys(MasterKey current, Collection<MasterKey> previous) {
        Objects.requireNonNull(current, "current");
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        keys.put(current.id(), derive(current));
        for (MasterKey key : previous) {
            keys.putIfAbsent(key.id(), derive(key));
        }
        this.currentId = current.id();
        this.byId = Map.copyOf(keys);
    }

    String currentId() {
        return currentId;
    }

    SecretKey current() {
        return byId.get(currentId);
    }

    Optional<SecretKey> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    private static SecretKey derive(MasterKey master) {
        try {
            Mac extract = Mac.getInstance("HmacSHA256");
            extract.init(new SecretKeySpec(SALT, "HmacSHA256"));
            byte[] pseudoRandomKey = extract.doFinal(master.key());
            // One block of HKDF-Expand is 32 bytes: exactly one AES-256 key.
            Mac expand = Mac.getInstance("HmacSHA256");
            expand.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
            expand.update(INFO);
            expand.update((byte) 1);
            byte[] okm = expand.doFinal();
            return new SecretKeySpec(okm, 0, KEY_BYTES, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }
}
