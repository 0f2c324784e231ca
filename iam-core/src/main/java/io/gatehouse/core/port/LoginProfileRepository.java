package io.gatehouse.core.port;

import io.gatehouse.core.identity.LoginProfile;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Users' console passwords (hashed) and the hashes of their previous passwords. */
public interface LoginProfileRepository {
    Optional<LoginProfile> find(String userId);

    /** @throws io.gatehouse.core.error.IamException EntityAlreadyExists when the user has one already */
    void create(LoginProfile profile);

    void update(LoginProfile profile);

    /** Deletes the profile and its password history. */
    void delete(String userId);

    /** The hashes of the user's {@code limit} most recent passwords, newest first. */
    List<String> recentPasswordHashes(String userId, int limit);

    /** Remembers a password the user had, for reuse prevention. */
    void rememberPasswordHash(String userId, String passwordHash, Instant setAt);
}
