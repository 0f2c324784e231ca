package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.PasswordHasher;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.identity.DefaultPasswordRules;
import io.gatehouse.core.identity.LoginProfile;
import io.gatehouse.core.identity.PasswordPolicy;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.port.LoginProfileRepository;
import io.gatehouse.core.port.PasswordPolicyRepository;
import io.gatehouse.core.port.UserRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Console passwords: CreateLoginProfile, GetLoginProfile, UpdateLoginProfile, DeleteLoginProfile and
 * ChangePassword. Every new password passes the account's password policy (AWS's default rules when
 * it has none) in {@link #requireAcceptable}, the one place passwords are judged.
 */
public final class LoginProfileService {

    private final LoginProfileRepository profiles;
    private final PasswordPolicyRepository policies;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Optional<RootLoginProfiles> root;

    public LoginProfileService(LoginProfileRepository profiles, PasswordPolicyRepository policies,
                               UserRepository users, PasswordHasher hasher, Clock clock) {
        this(profiles, policies, users, hasher, clock, Optional.empty());
    }

    /** @param root the root user's password, which only AssumeRoot task sessions manage here */
    public LoginProfileService(LoginProfileRepository profiles, PasswordPolicyRepository policies,
                               UserRepository users, PasswordHasher hasher, Clock clock,
                               Optional<RootLoginProfiles> root) {
        this.profiles = profiles;
        this.policies = policies;
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
        this.root = root;
    }

    /** The root user's login profile, for calls without UserName from a root task session. */
    public RootLoginProfiles root() {
        return root.orElseThrow(() -> new IllegalStateException("root login profiles are not wired"));
    }

    public LoginProfile create(AccountId account, String userName, String password, boolean passwordResetRequired) {
        Constraint.USER_NAME.check("UserName", userName);
        Constraint.PASSWORD.checkSecret("Password", password);
        User user = user(account, userName);
        if (profiles.find(user.userId()).isPresent()) {
            throw IamException.alreadyExists("Login Profile for user " + user.name() + " already exists.");
        }
        requireAcceptable(account, user, password);
        Instant now = clock.instant();
        LoginProfile profile = new LoginProfile(user.userId(), hasher.hash(password.toCharArray()), now, now,
                passwordResetRequired);
        profiles.create(profile);
        profiles.rememberPasswordHash(user.userId(), profile.passwordHash(), now);
        return profile;
    }

    public LoginProfile get(AccountId account, String userName) {
        Constraint.USER_NAME.check("UserName", userName);
        return profile(user(account, userName));
    }

    /** A new password, a new PasswordResetRequired flag, or both; absent values stay as they are. */
    public void update(AccountId account, String userName, Optional<String> password,
                       Optional<Boolean> passwordResetRequired) {
        Constraint.USER_NAME.check("UserName", userName);
        password.ifPresent(p -> Constraint.PASSWORD.checkSecret("Password", p));
        User user = user(account, userName);
        LoginProfile profile = profile(user);
        boolean reset = passwordResetRequired.orElse(profile.passwordResetRequired());
        if (password.isPresent()) {
            setPassword(account, user, profile, password.get(), reset);
        } else {
            profiles.update(profile.withPasswordResetRequired(reset));
        }
    }

    public void delete(AccountId account, String userName) {
        Constraint.USER_NAME.check("UserName", userName);
        User user = user(account, userName);
        profile(user);
        profiles.delete(user.userId());
    }

    /**
     * The caller's own password, proven by the old one. May the caller do this at all? That is the
     * authorizer's question (AllowUsersToChangePassword), asked before this runs.
     */
    public void changePassword(Caller caller, String oldPassword, String newPassword) {
        Constraint.PASSWORD.checkSecret("OldPassword", oldPassword);
        Constraint.PASSWORD.checkSecret("NewPassword", newPassword);
        User user = caller.user().orElseThrow(() -> new IamException(ErrorCode.INVALID_USER_TYPE,
                "Only IAM users can change their own password with this operation; the root user's password is not affected."));
        LoginProfile profile = profile(user);
        if (!hasher.verify(oldPassword.toCharArray(), profile.passwordHash())) {
            throw IamException.accessDenied("The old password is incorrect.");
        }
        if (policies.find(caller.account()).map(p -> p.hardExpiry().orElse(false) && expired(p, profile)).orElse(false)) {
            // HardExpiry: once expired, only an administrator can set a new password (UpdateLoginProfile).
            throw IamException.accessDenied("The password has expired and the account password policy requires "
                    + "an administrator to reset it.");
        }
        setPassword(caller.account(), user, profile, newPassword, false);
    }

    private boolean expired(PasswordPolicy policy, LoginProfile profile) {
        return policy.maxPasswordAge()
                .map(days -> profile.passwordLastChanged().plus(java.time.Duration.ofDays(days)).isBefore(clock.instant()))
                .orElse(false);
    }

    private void setPassword(AccountId account, User user, LoginProfile profile, String password, boolean reset) {
        requireAcceptable(account, user, password);
        Instant now = clock.instant();
        LoginProfile changed = profile.withPassword(hasher.hash(password.toCharArray()), now, reset);
        profiles.update(changed);
        profiles.rememberPasswordHash(user.userId(), changed.passwordHash(), now);
    }

    /** Every rule the password breaks, named in one PasswordPolicyViolation. */
    private void requireAcceptable(AccountId account, User user, String password) {
        Optional<PasswordPolicy> policy = policies.find(account);
        List<String> broken = violations(policy, password);
        policy.flatMap(PasswordPolicy::passwordReusePrevention).ifPresent(count -> {
            boolean reused = profiles.recentPasswordHashes(user.userId(), count).stream()
                    .anyMatch(hash -> hasher.verify(password.toCharArray(), hash));
            if (reused) {
                broken.add("Password should not be one of the previous " + count + " passwords");
            }
        });
        requireNone(broken);
    }

    /** The rules of the account's password policy, AWS's default rules when it has none. */
    static List<String> violations(Optional<PasswordPolicy> policy, String password) {
        return new ArrayList<>(policy.map(p -> p.violations(password))
                .orElseGet(() -> DefaultPasswordRules.violations(password)));
    }

    static void requireNone(List<String> broken) {
        if (!broken.isEmpty()) {
            throw new IamException(ErrorCode.PASSWORD_POLICY_VIOLATION,
                    "Password does not conform to the account password policy: " + String.join("; ", broken) + ".");
        }
    }

    private LoginProfile profile(User user) {
        return profiles.find(user.userId()).orElseThrow(() ->
                IamException.noSuchEntity("Login Profile for User " + user.name() + " cannot be found."));
    }

    private User user(AccountId account, String name) {
        return users.findByName(account, name).orElseThrow(() -> UserService.noSuchUser(name));
    }
}
