package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.PasswordHasher;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.port.AccountRepository;
import io.gatehouse.core.port.AccountRepository.RootLoginProfile;
import io.gatehouse.core.port.PasswordPolicyRepository;

import java.time.Clock;
import java.time.Instant;

/**
 * The root user's console password, as CreateLoginProfile, GetLoginProfile and DeleteLoginProfile
 * without a UserName manage it from an AssumeRoot session. AWS's CreateLoginProfile there only
 * enables password recovery; Gatehouse has no recovery mail, so it sets the password given, judged
 * by the account's password policy like an IAM user's (its rules, not its reuse history).
 */
public final class RootLoginProfiles {

    private final AccountRepository accounts;
    private final PasswordPolicyRepository policies;
    private final PasswordHasher hasher;
    private final Clock clock;

    public RootLoginProfiles(AccountRepository accounts, PasswordPolicyRepository policies, PasswordHasher hasher,
                             Clock clock) {
        this.accounts = accounts;
        this.policies = policies;
        this.hasher = hasher;
        this.clock = clock;
    }

    public RootLoginProfile create(Caller caller, String password) {
        AccountId account = rootTaskAccount(caller);
        Constraint.PASSWORD.checkSecret("Password", password);
        if (accounts.rootLoginProfile(account).isPresent()) {
            throw IamException.alreadyExists("Login Profile for the root user of account " + account + " already exists.");
        }
        LoginProfileService.requireNone(LoginProfileService.violations(policies.find(account), password));
        Instant now = clock.instant();
        accounts.setRootPasswordHash(account, hasher.hash(password.toCharArray()), now);
        return accounts.rootLoginProfile(account).orElseThrow();
    }

    public RootLoginProfile get(Caller caller) {
        AccountId account = rootTaskAccount(caller);
        return accounts.rootLoginProfile(account).orElseThrow(() -> missing(account));
    }

    public void delete(Caller caller) {
        AccountId account = rootTaskAccount(caller);
        accounts.rootLoginProfile(account).orElseThrow(() -> missing(account));
        accounts.setRootPasswordHash(account, PasswordHasher.NO_PASSWORD, clock.instant());
    }

    /** What each task allows is the authorizer's question; only a root task session reaches the root's password. */
    private static AccountId rootTaskAccount(Caller caller) {
        if (caller.rootTask().isEmpty()) {
            throw IamException.validation("Must specify userName when calling with non-User credentials");
        }
        return caller.account();
    }

    private static IamException missing(AccountId account) {
        return IamException.noSuchEntity("Login Profile for the root user of account " + account + " cannot be found.");
    }
}
