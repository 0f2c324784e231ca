package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.CredentialGenerator;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.identity.Group;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.identity.PrincipalType;
import io.gatehouse.core.port.GroupRepository;
import io.gatehouse.core.port.PolicyAttachmentRepository;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.port.UserRepository;

import java.time.Clock;
import java.util.Optional;

/** IAM group operations and memberships. */
public final class GroupService {

    private final GroupRepository groups;
    private final UserRepository users;
    private final CredentialGenerator generator;
    private final Clock clock;
    private final PolicyAttachmentRepository attachments;

    public GroupService(GroupRepository groups, UserRepository users, CredentialGenerator generator, Clock clock,
                        PolicyAttachmentRepository attachments) {
        this.groups = groups;
        this.users = users;
        this.generator = generator;
        this.clock = clock;
        this.attachments = attachments;
    }

    public Group create(AccountId account, String name, Optional<String> path) {
        Constraint.GROUP_NAME.check("GroupName", name);
        String groupPath = path.map(p -> Constraint.PATH.check("Path", p)).orElse("/");
        if (groups.findByName(account, name).isPresent()) {
            throw IamException.alreadyExists("Group with name " + name + " already exists.");
        }
        if (groups.count(account) >= Quotas.GROUPS_PER_ACCOUNT) {
            throw IamException.limitExceeded("Cannot exceed quota for GroupsPerAccount: " + Quotas.GROUPS_PER_ACCOUNT);
        }
        Group group = new Group(account, generator.uniqueId("AGPA"), name, groupPath, clock.instant());
        groups.create(group);
        return group;
    }

    public Group get(AccountId account, String name) {
        Constraint.GROUP_NAME.check("GroupName", name);
        return groups.findByName(account, name).orElseThrow(
                () -> IamException.noSuchEntity("The group with name " + name + " cannot be found."));
    }

    public Page<User> members(Group group, PageRequest page) {
        page.marker().ifPresent(m -> Constraint.MARKER.check("Marker", m));
        return groups.members(group, page);
    }

    public Page<Group> list(AccountId account, Optional<String> pathPrefix, PageRequest page) {
        String prefix = pathPrefix.map(p -> Constraint.PATH_PREFIX.check("PathPrefix", p)).orElse("/");
        page.marker().ifPresent(m -> Constraint.MARKER.check("Marker", m));
        return groups.list(account, prefix, page);
    }

    public Page<Group> listForUser(AccountId account, String userName, PageRequest page) {
        page.marker().ifPresent(m -> Constraint.MARKER.check("Marker", m));
        return groups.listForUser(user(account, userName), page);
    }

    public void addUser(AccountId account, String groupName, String userName) {
        Group group = get(account, groupName);
        User user = user(account, userName);
        if (groups.isMember(group, user)) {
            return; // AWS answers success when the user is already a member.
        }
        if (groups.countGroupsOfUser(user) >= Quotas.GROUPS_PER_USER) {
            throw IamException.limitExceeded("Cannot exceed quota for GroupsPerUser: " + Quotas.GROUPS_PER_USER);
        }
        groups.addMember(group, user);
    }

    public void removeUser(AccountId account, String groupName, String userName) {
        Group group = get(account, groupName);
        User user = user(account, userName);
        if (!groups.isMember(group, user)) {
            throw IamException.noSuchEntity("The user with name " + userName + " cannot be found in group " + groupName + ".");
        }
        groups.removeMember(group, user);
    }

    public Group update(AccountId account, String name, Optional<String> newName, Optional<String> newPath) {
        newName.ifPresent(n -> Constraint.GROUP_NAME.check("NewGroupName", n));
        newPath.ifPresent(p -> Constraint.PATH.check("NewPath", p));
        Group group = get(account, name);
        String target = newName.orElse(group.name());
        if (!target.equalsIgnoreCase(group.name()) && groups.findByName(account, target).isPresent()) {
            throw IamException.alreadyExists("Group with name " + target + " already exists.");
        }
        Group updated = group.withNameAndPath(target, newPath.orElse(group.path()));
        groups.update(updated);
        return updated;
    }

    /** AWS refuses to delete a group that still has members or policies. */
    public void delete(AccountId account, String name) {
        Group group = get(account, name);
        if (groups.countMembers(group) > 0) {
            throw IamException.deleteConflict("Cannot delete entity, must remove users from group first.");
        }
        if (!groups.inlinePolicyNames(group).isEmpty()
                || UserService.hasAttachedPolicies(attachments, PrincipalType.GROUP, group.groupId())) {
            throw IamException.deleteConflict("Cannot delete entity, must delete policies first.");
        }
        groups.delete(group);
    }

    private User user(AccountId account, String userName) {
        Constraint.EXISTING_USER_NAME.check("UserName", userName);
        return users.findByName(account, userName).orElseThrow(() -> UserService.noSuchUser(userName));
    }
}
