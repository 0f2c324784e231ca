package io.gatehouse.core.port;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.ManagedPolicy;
import io.gatehouse.core.identity.ManagedPolicyVersion;

import java.util.List;
import java.util.Optional;

/** Customer-managed policies and their versions. Names are unique per account, case-insensitively. */
public interface ManagedPolicyRepository {

    Optional<ManagedPolicy> findByArn(String arn);

    Optional<ManagedPolicy> findByName(AccountId account, String name);

    /** The account's policies whose path starts with {@code pathPrefix}, ordered by name. */
    List<ManagedPolicy> list(AccountId account, String pathPrefix);

    long count(AccountId account);

    /** @throws io.gatehouse.core.error.IamException EntityAlreadyExists when the name is taken */
    void create(AccountId account, ManagedPolicy policy, ManagedPolicyVersion first);

    /** Saves the default version and update date. */
    void update(ManagedPolicy policy);

    /** Deletes the policy with all its versions. */
    void delete(ManagedPolicy policy);

    /** Versions, newest first. */
    List<ManagedPolicyVersion> versions(ManagedPolicy policy);

    Optional<ManagedPolicyVersion> version(ManagedPolicy policy, String versionId);

    /** Stores a new version under the next number ({@code v<n+1>}, never reused) and returns it. */
    ManagedPolicyVersion addVersion(ManagedPolicy policy, String document, java.time.Instant createDate);

    void deleteVersion(ManagedPolicy policy, String versionId);
}
