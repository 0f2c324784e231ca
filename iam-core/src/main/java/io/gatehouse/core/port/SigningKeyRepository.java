package io.gatehouse.core.port;

import io.gatehouse.core.sts.SigningKey;

import java.util.List;

/** The bearer-token signing keys, newest first. */
public interface SigningKeyRepository {

    List<SigningKey> all();

    void create(SigningKey key);
}
