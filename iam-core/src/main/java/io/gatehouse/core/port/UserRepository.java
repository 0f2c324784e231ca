package io.gatehouse.core.port;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.User;

import java.util.Optional;

/** IAM users. Names are unique per account, compared case-insensitively; the store enforces it. */
public interface UserRepository {
    Optional<User> findByName(AccountId account, String name);

    Optional<User> findById(String userId);

    /** Users whose path starts with {@code pathPrefix}, ordered by name (case-insensitively). */
    Page<User> list(AccountId account, String pathPrefix, PageRequest page);

    long count(AccountId account);

    /** @throws io.gatehouse.core.error.IamException EntityAlreadyExists when the name is taken */
    void create(User user);

    /** Saves a new name, path or tags. @throws io.gatehouse.core.error.IamException EntityAlreadyExists on a rename onto a taken name */
    void update(User user);

    void delete(User user);

    /** Stores (or replaces) an inline policy document on the user, as AWS's PutUserPolicy does. */
    void putInlinePolicy(User user, String policyName, String document);

    Optional<String> inlinePolicy(User user, String policyName);

    /** Names of the user's inline policies, ordered by name case-insensitively. */
    java.util.List<String> inlinePolicyNames(User user);

    /** @return whether there was such a policy */
    boolean deleteInlinePolicy(User user, String policyName);
}
