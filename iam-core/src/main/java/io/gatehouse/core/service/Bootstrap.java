package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.CredentialGenerator;
import io.gatehouse.core.credential.PasswordHasher;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Account;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.identity.Group;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.port.AccountRepository;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The first start: an account with its root user, and a bootstrap IAM user {@code admin} in an
 * {@code Administrators} group carrying full access, so the AWS CLI can be used at once without
 * root keys (AWS's own advice).
 */
public final class Bootstrap {

    public static final String ADMIN_USER = "admin";
    public static final String ADMINISTRATORS = "Administrators";
    /** AWS's AdministratorAccess managed policy, attached to the Administrators group. */
    public static final String ADMINISTRATOR_POLICY_ARN = "arn:aws:iam::aws:policy/AdministratorAccess";

    private final AccountRepository accounts;
    private final PolicyAttachmentService attachments;
    private final UserService users;
    private final GroupService groups;
    private final AccessKeyService accessKeys;
    private final PasswordHasher hasher;
    private final CredentialGenerator generator;
    private final Clock clock;

    public Bootstrap(AccountRepository accounts, PolicyAttachmentService attachments, UserService users, GroupService groups,
                     AccessKeyService accessKeys, PasswordHasher hasher, CredentialGenerator generator, Clock clock) {
        this.accounts = accounts;
        this.attachments = attachments;
        this.users = users;
        this.groups = groups;
        this.accessKeys = accessKeys;
        this.hasher = hasher;
        this.generator = generator;
        this.clock = clock;
    }

    /** Creates the first account when the database is empty; does nothing (and reveals nothing) otherwise. */
    public Optional<BootstrapResult> runIfEmpty(BootstrapSettings settings) {
        if (!accounts.isEmpty()) {
            return Optional.empty();
        }
        settings.adminAccessKeyId().ifPresent(id -> {
            if (!id.matches("[A-Z0-9]{16,128}")) {
                throw IamException.validation("The bootstrap admin access key id must be 16 to 128 upper-case letters or digits");
            }
        });
        settings.adminSecretAccessKey().ifPresent(secret -> {
            if (secret.length() < 16) {
                throw IamException.validation("The bootstrap admin secret access key must have at least 16 characters");
            }
        });
        Optional<String> generatedPassword = settings.rootPassword().isPresent()
                ? Optional.empty() : Optional.of(generator.password(20));
        String rootPassword = settings.rootPassword().orElseGet(generatedPassword::get);

        Account account = new Account(AccountId.random(new SecureRandom()), settings.accountName(),
                settings.rootEmail(), clock.instant());
        accounts.create(account, hasher.hash(rootPassword.toCharArray()));

        Group administrators = groups.create(account.id(), ADMINISTRATORS, Optional.empty());
        attachments.attachGroupPolicy(account.id(), administrators.name(), ADMINISTRATOR_POLICY_ARN);
        User admin = users.create(account.id(), ADMIN_USER, Optional.empty(), List.of());
        groups.addUser(account.id(), administrators.name(), admin.name());

        KeyOwner owner = new KeyOwner(account.id(), Optional.of(admin));
        NewAccessKey key = settings.adminAccessKeyId()
                .map(id -> accessKeys.importKey(owner, Constraint.ACCESS_KEY_ID.check("AccessKeyId", id),
                        settings.adminSecretAccessKey().orElseThrow()))
                .orElseGet(() -> accessKeys.create(owner));
        return Optional.of(new BootstrapResult(account, generatedPassword, key, settings.adminAccessKeyId().isEmpty()));
    }
}
