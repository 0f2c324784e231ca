package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.PasswordPolicy;
import io.gatehouse.core.port.PasswordPolicyRepository;

/** The account's password policy: UpdateAccountPasswordPolicy, GetAccountPasswordPolicy, DeleteAccountPasswordPolicy. */
public final class PasswordPolicyService {

    private final PasswordPolicyRepository policies;

    public PasswordPolicyService(PasswordPolicyRepository policies) {
        this.policies = policies;
    }

    /** Replaces the whole policy: AWS resets every setting the request leaves out to its default. */
    public void update(AccountId account, PasswordPolicy policy) {
        policies.put(account, policy);
    }

    public PasswordPolicy get(AccountId account) {
        return policies.find(account).orElseThrow(() -> noPolicy(account));
    }

    public void delete(AccountId account) {
        if (!policies.delete(account)) {
            throw noPolicy(account);
        }
    }

    private static IamException noPolicy(AccountId account) {
        return IamException.noSuchEntity("The Password Policy with domain name " + account.value() + " cannot be found.");
    }
}
