package io.gatehouse.persistence;

import io.gatehouse.core.credential.SealedSecret;
import io.gatehouse.core.sts.SigningKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "token_signing_keys")
public class TokenSigningKeyEntity {

    @Id
    @Column(name = "key_id")
    private String keyId;

    @Column(name = "public_jwk")
    private String publicJwk;

    /** Which master key sealed the private key, so master keys can rotate. */
    @Column(name = "sealed_key_id")
    private String sealedKeyId;

    @Column(name = "sealed_private")
    private byte[] sealedPrivate;

    @Column(name = "create_date")
    private Instant createDate;

    protected TokenSigningKeyEntity() {
    }

    TokenSigningKeyEntity(SigningKey key) {
        this.keyId = key.keyId();
        this.publicJwk = key.publicJwk();
        this.sealedKeyId = key.sealedPrivateJwk().keyId();
        this.sealedPrivate = key.sealedPrivateJwk().ciphertext();
        this.createDate = key.created();
    }

    SigningKey toSigningKey() {
        return new SigningKey(keyId, publicJwk, new SealedSecret(sealedKeyId, sealedPrivate), createDate);
    }
}
