package io.gatehouse.web.query;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Group;
import io.gatehouse.core.identity.ManagedPolicy;
import io.gatehouse.core.identity.PolicyAttachment.Kind;
import io.gatehouse.core.identity.PrincipalType;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.service.ManagedPolicyService.Scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * GetAccountAuthorizationDetails: every user, group and role with its inline policies (documents
 * included), attached policies and boundary, and every managed policy with all its versions —
 * the account's whole authorization picture in one paged listing, filtered by entity kind.
 */
final class AuthorizationDetailsActions {

    private static final Set<String> FILTERS = Set.of("User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy");

    private AuthorizationDetailsActions() {
    }

    static List<IamAction> all() {
        return List.of(IamAction.reading("GetAccountAuthorizationDetails",
                ctx -> new Arn(Arn.AWS_PARTITION, "iam", "", "", "*"), AuthorizationDetailsActions::details));
    }

    /** One entry of the listing; paging counts entries across the four lists, in this order. */
    private sealed interface Entry permits UserEntry, GroupEntry, RoleEntry, PolicyEntry {
    }

    private record UserEntry(User user) implements Entry {
    }

    private record GroupEntry(Group group) implements Entry {
    }

    private record RoleEntry(Role role) implements Entry {
    }

    private record PolicyEntry(ManagedPolicy policy) implements Entry {
    }

    private static void details(ActionContext ctx, XmlWriter xml) {
        List<String> filter = ctx.params().list("Filter");
        filter.forEach(f -> {
            if (!FILTERS.contains(f)) {
                throw IamException.validation("1 validation error detected: Value '" + f + "' at 'filter' failed to "
                        + "satisfy constraint: Member must satisfy enum value set: " + FILTERS);
            }
        });
        List<Entry> entries = new ArrayList<>();
        IamServices s = ctx.services();
        if (wanted(filter, "User")) {
            all(page -> s.users().list(ctx.account(), Optional.empty(), page)).forEach(u -> entries.add(new UserEntry(u)));
        }
        if (wanted(filter, "Group")) {
            all(page -> s.groups().list(ctx.account(), Optional.empty(), page)).forEach(g -> entries.add(new GroupEntry(g)));
        }
        if (wanted(filter, "Role")) {
            all(page -> s.roles().list(ctx.account(), Optional.empty(), page)).forEach(r -> entries.add(new RoleEntry(r)));
        }
        if (wanted(filter, "LocalManagedPolicy")) {
            all(page -> s.managedPolicies().list(ctx.account(), Scope.Local, false, Optional.empty(), Optional.empty(), page))
                    .forEach(p -> entries.add(new PolicyEntry(p)));
        }
        if (wanted(filter, "AWSManagedPolicy")) {
            // As AWS: only the AWS-managed policies the account uses.
            all(page -> s.managedPolicies().list(ctx.account(), Scope.AWS, true, Optional.empty(), Optional.empty(), page))
                    .forEach(p -> entries.add(new PolicyEntry(p)));
        }
        PageRequest request = ctx.params().page();
        int from = request.marker().map(AuthorizationDetailsActions::offset).orElse(0);
        int to = Math.min(entries.size(), from + request.maxItems());
        List<Entry> shown = entries.subList(Math.min(from, entries.size()), to);

        xml.start("UserDetailList");
        shown.stream().filter(UserEntry.class::isInstance).map(e -> ((UserEntry) e).user()).forEach(u -> user(ctx, xml, u));
        xml.end().start("GroupDetailList");
        shown.stream().filter(GroupEntry.class::isInstance).map(e -> ((GroupEntry) e).group()).forEach(g -> group(ctx, xml, g));
        xml.end().start("RoleDetailList");
        shown.stream().filter(RoleEntry.class::isInstance).map(e -> ((RoleEntry) e).role()).forEach(r -> role(ctx, xml, r));
        xml.end().start("Policies");
        shown.stream().filter(PolicyEntry.class::isInstance).map(e -> ((PolicyEntry) e).policy()).forEach(p -> policy(ctx, xml, p));
        xml.end();
        Shapes.paging(xml, new Page<>(List.of(), to < entries.size() ? Optional.of(Integer.toString(to)) : Optional.empty()));
    }

    private static void user(ActionContext ctx, XmlWriter xml, User user) {
        IamServices s = ctx.services();
        xml.start("member")
                .element("Path", user.path())
                .element("UserName", user.name())
                .element("UserId", user.userId())
                .element("Arn", user.arn().toString())
                .element("CreateDate", user.createDate());
        xml.start("UserPolicyList");
        for (String name : s.userRepository().inlinePolicyNames(user)) {
            inline(xml, name, s.userRepository().inlinePolicy(user, name).orElseThrow());
        }
        xml.end().start("GroupList");
        all(page -> s.groupRepository().listForUser(user, page)).forEach(g -> xml.element("member", g.name()));
        xml.end();
        attached(ctx, xml, PrincipalType.USER, user.userId());
        boundary(ctx, xml, PrincipalType.USER, user.userId());
        if (!user.tags().isEmpty()) {
            Shapes.tags(xml, user.tags());
        }
        xml.end();
    }

    private static void group(ActionContext ctx, XmlWriter xml, Group group) {
        IamServices s = ctx.services();
        xml.start("member")
                .element("Path", group.path())
                .element("GroupName", group.name())
                .element("GroupId", group.groupId())
                .element("Arn", group.arn().toString())
                .element("CreateDate", group.createDate());
        xml.start("GroupPolicyList");
        for (String name : s.groupRepository().inlinePolicyNames(group)) {
            inline(xml, name, s.groupRepository().inlinePolicy(group, name).orElseThrow());
        }
        xml.end();
        attached(ctx, xml, PrincipalType.GROUP, group.groupId());
        xml.end();
    }

    private static void role(ActionContext ctx, XmlWriter xml, Role role) {
        IamServices s = ctx.services();
        xml.start("member")
                .element("Path", role.path())
                .element("RoleName", role.name())
                .element("RoleId", role.roleId())
                .element("Arn", role.arn().toString())
                .element("CreateDate", role.createDate())
                .element("AssumeRolePolicyDocument", Shapes.urlEncoded(role.trustPolicy()));
        xml.start("InstanceProfileList");
        all(page -> s.instanceProfileRepository().listForRole(role, page))
                .forEach(profile -> Shapes.instanceProfile(xml, "member", profile));
        xml.end().start("RolePolicyList");
        for (String name : s.roleRepository().inlinePolicyNames(role)) {
            inline(xml, name, s.roleRepository().inlinePolicy(role, name).orElseThrow());
        }
        xml.end();
        attached(ctx, xml, PrincipalType.ROLE, role.roleId());
        boundary(ctx, xml, PrincipalType.ROLE, role.roleId());
        if (!role.tags().isEmpty()) {
            Shapes.tags(xml, role.tags());
        }
        Shapes.roleLastUsed(xml, s.roleRepository().lastUsed(role));
        xml.end();
    }

    private static void policy(ActionContext ctx, XmlWriter xml, ManagedPolicy policy) {
        IamServices s = ctx.services();
        xml.start("member")
                .element("PolicyName", policy.name())
                .element("PolicyId", policy.policyId())
                .element("Arn", policy.arn().toString())
                .element("Path", policy.path())
                .element("DefaultVersionId", policy.defaultVersionId())
                .element("AttachmentCount", Long.toString(s.managedPolicies().attachmentCount(ctx.account(), policy)))
                .element("PermissionsBoundaryUsageCount",
                        Long.toString(s.managedPolicies().boundaryUsageCount(ctx.account(), policy)))
                .element("IsAttachable", true);
        policy.description().ifPresent(d -> xml.element("Description", d));
        xml.element("CreateDate", policy.createDate()).element("UpdateDate", policy.updateDate());
        xml.start("PolicyVersionList");
        s.managedPolicies().versions(ctx.account(), policy.arn().toString()).forEach(v -> xml.start("member")
                .element("Document", Shapes.policyDocument(v.document()))
                .element("VersionId", v.versionId())
                .element("IsDefaultVersion", v.versionId().equals(policy.defaultVersionId()))
                .element("CreateDate", v.createDate())
                .end());
        xml.end().end();
    }

    private static void inline(XmlWriter xml, String name, String document) {
        xml.start("member").element("PolicyName", name).element("PolicyDocument", Shapes.policyDocument(document)).end();
    }

    private static void attached(ActionContext ctx, XmlWriter xml, PrincipalType type, String id) {
        xml.start("AttachedManagedPolicies");
        for (String arn : ctx.services().policyAttachments().attachedArns(type, id, Kind.PERMISSIONS)) {
            String name = arn.substring(arn.lastIndexOf('/') + 1);
            xml.start("member").element("PolicyName", name).element("PolicyArn", arn).end();
        }
        xml.end();
    }

    private static void boundary(ActionContext ctx, XmlWriter xml, PrincipalType type, String id) {
        ctx.services().policyAttachments().boundaryOf(type, id).ifPresent(arn -> xml.start("PermissionsBoundary")
                .element("PermissionsBoundaryType", "PermissionsBoundaryPolicy")
                .element("PermissionsBoundaryArn", arn)
                .end());
    }

    private static boolean wanted(List<String> filter, String kind) {
        return filter.isEmpty() || filter.contains(kind);
    }

    /** Every item of a paged listing. */
    private static <T> List<T> all(Function<PageRequest, Page<T>> lister) {
        List<T> items = new ArrayList<>();
        Optional<String> marker = Optional.empty();
        do {
            Page<T> page = lister.apply(new PageRequest(marker, 1000));
            items.addAll(page.items());
            marker = page.nextMarker();
        } while (marker.isPresent());
        return items;
    }

    private static int offset(String marker) {
        try {
            return Integer.parseInt(marker);
        } catch (NumberFormatException e) {
            throw IamException.validation("Invalid Marker: " + marker);
        }
    }
}
