package io.gatehouse.persistence;

import io.gatehouse.core.credential.SealedSecret;
import io.gatehouse.core.sts.SigningKey;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

abstract class SigningKeyContract extends RepositoryContract {

    @Test
    void keysReadBackWholeNewestFirst() {
        SigningKey older = key(T0);
        SigningKey newer = key(T0.plusSeconds(60));
        store.run(r -> r.signingKeys().create(older));
        store.run(r -> r.signingKeys().create(newer));

        List<SigningKey> all = store.inTransaction(r -> r.signingKeys().all());

        assertTrue(all.indexOf(newer) < all.indexOf(older), all.toString());
        SigningKey read = all.get(all.indexOf(older));
        assertEquals(older.publicJwk(), read.publicJwk());
        assertEquals(older.sealedPrivateJwk().keyId(), read.sealedPrivateJwk().keyId());
        assertArrayEquals(older.sealedPrivateJwk().ciphertext(), read.sealedPrivateJwk().ciphertext());
    }

    private static SigningKey key(java.time.Instant created) {
        String id = UUID.randomUUID().toString();
        byte[] sealed = new byte[200];
        new java.util.Random(id.hashCode()).nextBytes(sealed);
        return new SigningKey(id, "{\"kty\":\"EC\",\"kid\":\"" + id + "\"}", new SealedSecret("master-1", sealed), created);
    }
}
