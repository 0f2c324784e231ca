package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.CredentialGenerator;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.port.AccessKeyRepository;
import io.gatehouse.core.identity.PolicyAttachment;
import io.gatehouse.core.identity.PrincipalType;
import io.gatehouse.core.port.GroupRepository;
import io.gatehouse.core.port.LoginProfileRepository;
import io.gatehouse.core.port.MfaDeviceRepository;
import io.gatehouse.core.port.PolicyAttachmentRepository;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.port.SigningCertificateRepository;
import io.gatehouse.core.port.UserRepository;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** IAM user operations: the rules of CreateUser, UpdateUser, DeleteUser and user tagging. */
public final class UserService {

    private final UserRepository users;
    private final GroupRepository groups;
    private final AccessKeyRepository accessKeys;
    private final Credentials credentials;
    private final CredentialGenerator generator;
    private final Clock clock;
    private final PolicyAttachmentRepository attachments;

    /** The stores of a user's other credentials, each of which blocks the user's deletion. */
    public record Credentials(LoginProfileRepository loginProfiles, MfaDeviceRepository mfaDevices,
                              SigningCertificateRepository signingCertificates) {
    }

    public UserService(UserRepository users, GroupRepository groups, AccessKeyRepository accessKeys,
                       Credentials credentials, CredentialGenerator generator, Clock clock,
                       PolicyAttachmentRepository attachments) {
        this.users = users;
        this.groups = groups;
        this.accessKeys = accessKeys;
        this.credentials = credentials;
        this.generator = generator;
        this.clock = clock;
        this.attachments = attachments;
    }

    public User create(AccountId account, String name, Optional<String> path, List<Tag> tags) {
        Constraint.USER_NAME.check("UserName", name);
        String userPath = path.map(p -> Constraint.PATH.check("Path", p)).orElse("/");
        List<Tag> validTags = TagSet.validated(tags);
        if (users.findByName(account, name).isPresent()) {
            throw alreadyExists(name);
        }
        if (users.count(account) >= Quotas.USERS_PER_ACCOUNT) {
            throw IamException.limitExceeded("Cannot exceed quota for UsersPerAccount: " + Quotas.USERS_PER_ACCOUNT);
        }
        User user = new User(account, generator.uniqueId("AIDA"), name, userPath, clock.instant(), validTags);
        users.create(user);
        return user;
    }

    public User get(AccountId account, String name) {
        Constraint.EXISTING_USER_NAME.check("UserName", name);
        return users.findByName(account, name).orElseThrow(() -> noSuchUser(name));
    }

    public Page<User> list(AccountId account, Optional<String> pathPrefix, PageRequest page) {
        String prefix = pathPrefix.map(p -> Constraint.PATH_PREFIX.check("PathPrefix", p)).orElse("/");
        page.marker().ifPresent(m -> Constraint.MARKER.check("Marker", m));
        return users.list(account, prefix, page);
    }

    public User update(AccountId account, String name, Optional<String> newName, Optional<String> newPath) {
        newName.ifPresent(n -> Constraint.USER_NAME.check("NewUserName", n));
        newPath.ifPresent(p -> Constraint.PATH.check("NewPath", p));
        User user = get(account, name);
        String targetName = newName.orElse(user.name());
        // A case-only rename keeps the same name key, so it is not a collision with itself.
        if (!targetName.equalsIgnoreCase(user.name()) && users.findByName(account, targetName).isPresent()) {
            throw alreadyExists(targetName);
        }
        User updated = user.withNameAndPath(targetName, newPath.orElse(user.path()));
        users.update(updated);
        return updated;
    }

    /** AWS refuses to delete a user that still owns anything; the caller removes those first. */
    public void delete(AccountId account, String name) {
        User user = get(account, name);
        if (credentials.loginProfiles().find(user.userId()).isPresent()) {
            throw IamException.deleteConflict("Cannot delete entity, must delete login profile first.");
        }
        if (accessKeys.countFor(account, Optional.of(user.userId())) > 0) {
            throw IamException.deleteConflict("Cannot delete entity, must delete access keys first.");
        }
        if (credentials.signingCertificates().countFor(account, Optional.of(user.userId())) > 0) {
            throw IamException.deleteConflict("Cannot delete entity, must delete signing certificates first.");
        }
        if (credentials.mfaDevices().countForUser(account, user.userId()) > 0) {
            throw IamException.deleteConflict("Cannot delete entity, must delete MFA device first.");
        }
        if (groups.countGroupsOfUser(user) > 0) {
            throw IamException.deleteConflict("Cannot delete entity, must remove users from group first.");
        }
        if (!users.inlinePolicyNames(user).isEmpty() || hasAttachedPolicies(attachments, PrincipalType.USER, user.userId())) {
            throw IamException.deleteConflict("Cannot delete entity, must delete policies first.");
        }
        users.delete(user);
    }

    public void tag(AccountId account, String name, List<Tag> tags) {
        User user = get(account, name);
        users.update(user.withTags(TagSet.merge(user.tags(), tags)));
    }

    public void untag(AccountId account, String name, Collection<String> keys) {
        User user = get(account, name);
        users.update(user.withTags(TagSet.remove(user.tags(), keys)));
    }

    /** Attached managed policies and a permissions boundary must go before the identity can. */
    static boolean hasAttachedPolicies(PolicyAttachmentRepository attachments, PrincipalType type, String id) {
        return !attachments.attachedTo(type, id, PolicyAttachment.Kind.PERMISSIONS).isEmpty()
                || !attachments.attachedTo(type, id, PolicyAttachment.Kind.PERMISSIONS_BOUNDARY).isEmpty();
    }

    static IamException noSuchUser(String name) {
        return IamException.noSuchEntity("The user with name " + name + " cannot be found.");
    }

    private static IamException alreadyExists(String name) {
        return IamException.alreadyExists("User with name " + name + " already exists.");
    }
}
