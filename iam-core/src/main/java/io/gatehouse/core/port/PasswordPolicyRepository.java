package io.gatehouse.core.port;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.PasswordPolicy;

import java.util.Optional;

/** Each account's custom password policy, if it has one. */
public interface PasswordPolicyRepository {
    Optional<PasswordPolicy> find(AccountId account);

    /** Sets the policy, replacing the previous one whole. */
    void put(AccountId account, PasswordPolicy policy);

    /** @return whether there was a policy to delete */
    boolean delete(AccountId account);
}
