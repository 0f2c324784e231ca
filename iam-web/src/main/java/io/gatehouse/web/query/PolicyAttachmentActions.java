package io.gatehouse.web.query;

import io.gatehouse.core.identity.ManagedPolicy;
import io.gatehouse.core.identity.PolicyAttachment;
import io.gatehouse.core.identity.PrincipalType;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.service.PolicyAttachmentService;
import io.gatehouse.core.service.PolicyAttachmentService.PolicyEntity;

import java.util.List;
import java.util.Optional;

/**
 * Managed policies attached to users and groups, ListEntitiesForPolicy, and users' permissions
 * boundaries. Attaching is authorized on the identity, as in AWS.
 */
final class PolicyAttachmentActions {

    private PolicyAttachmentActions() {
    }

    static List<IamAction> all() {
        return List.of(
                IamAction.changing("AttachUserPolicy", UserActions::namedUser, (ctx, xml) ->
                        service(ctx).attachUserPolicy(ctx.account(), ctx.params().required("UserName"),
                                ctx.params().required("PolicyArn"))),
                IamAction.changing("DetachUserPolicy", UserActions::namedUser, (ctx, xml) ->
                        service(ctx).detachUserPolicy(ctx.account(), ctx.params().required("UserName"),
                                ctx.params().required("PolicyArn"))),
                IamAction.reading("ListAttachedUserPolicies", UserActions::namedUser, (ctx, xml) ->
                        attached(xml, service(ctx).attachedUserPolicies(ctx.account(), ctx.params().required("UserName"),
                                ctx.params().optional("PathPrefix"), ctx.params().page()))),
                IamAction.changing("AttachGroupPolicy", GroupActions::namedGroup, (ctx, xml) ->
                        service(ctx).attachGroupPolicy(ctx.account(), ctx.params().required("GroupName"),
                                ctx.params().required("PolicyArn"))),
                IamAction.changing("DetachGroupPolicy", GroupActions::namedGroup, (ctx, xml) ->
                        service(ctx).detachGroupPolicy(ctx.account(), ctx.params().required("GroupName"),
                                ctx.params().required("PolicyArn"))),
                IamAction.reading("ListAttachedGroupPolicies", GroupActions::namedGroup, (ctx, xml) ->
                        attached(xml, service(ctx).attachedGroupPolicies(ctx.account(), ctx.params().required("GroupName"),
                                ctx.params().optional("PathPrefix"), ctx.params().page()))),
                IamAction.reading("ListEntitiesForPolicy", ManagedPolicyActions::policyArn, (ctx, xml) -> {
                    String arn = ctx.params().required("PolicyArn");
                    Page<PolicyEntity> page = policyKindExcluded(ctx, arn)
                            ? new Page<>(List.of(), Optional.empty())
                            : service(ctx).entitiesForPolicy(ctx.account(), arn, entityFilter(ctx), usageFilter(ctx),
                                    ctx.params().optional("PathPrefix"), ctx.params().page());
                    xml.start("PolicyGroups");
                    page.items().stream().filter(e -> e.type() == PrincipalType.GROUP).forEach(e -> xml.start("member")
                            .element("GroupName", e.name()).element("GroupId", e.id()).end());
                    xml.end().start("PolicyUsers");
                    page.items().stream().filter(e -> e.type() == PrincipalType.USER).forEach(e -> xml.start("member")
                            .element("UserName", e.name()).element("UserId", e.id()).end());
                    xml.end().start("PolicyRoles");
                    page.items().stream().filter(e -> e.type() == PrincipalType.ROLE).forEach(e -> xml.start("member")
                            .element("RoleName", e.name()).element("RoleId", e.id()).end());
                    xml.end();
                    Shapes.paging(xml, page);
                }),
                IamAction.changing("AttachRolePolicy", RoleActions::namedRole, (ctx, xml) ->
                        service(ctx).attachRolePolicy(ctx.account(), ctx.params().required("RoleName"),
                                ctx.params().required("PolicyArn"))),
                IamAction.changing("DetachRolePolicy", RoleActions::namedRole, (ctx, xml) ->
                        service(ctx).detachRolePolicy(ctx.account(), ctx.params().required("RoleName"),
                                ctx.params().required("PolicyArn"))),
                IamAction.reading("ListAttachedRolePolicies", RoleActions::namedRole, (ctx, xml) ->
                        attached(xml, service(ctx).attachedRolePolicies(ctx.account(), ctx.params().required("RoleName"),
                                ctx.params().optional("PathPrefix"), ctx.params().page()))),
                IamAction.changing("PutRolePermissionsBoundary", RoleActions::namedRole, (ctx, xml) ->
                        service(ctx).putRolePermissionsBoundary(ctx.account(), ctx.params().required("RoleName"),
                                ctx.params().required("PermissionsBoundary"))),
                IamAction.changing("DeleteRolePermissionsBoundary", RoleActions::namedRole, (ctx, xml) ->
                        service(ctx).deleteRolePermissionsBoundary(ctx.account(), ctx.params().required("RoleName"))),
                IamAction.changing("PutUserPermissionsBoundary", UserActions::namedUser, (ctx, xml) ->
                        service(ctx).putUserPermissionsBoundary(ctx.account(), ctx.params().required("UserName"),
                                ctx.params().required("PermissionsBoundary"))),
                IamAction.changing("DeleteUserPermissionsBoundary", UserActions::namedUser, (ctx, xml) ->
                        service(ctx).deleteUserPermissionsBoundary(ctx.account(), ctx.params().required("UserName"))));
    }

    private static PolicyAttachmentService service(ActionContext ctx) {
        return ctx.services().policyAttachments();
    }

    private static Optional<PrincipalType> entityFilter(ActionContext ctx) {
        return ctx.params().optional("EntityFilter").flatMap(filter -> switch (filter) {
            case "User" -> Optional.of(PrincipalType.USER);
            case "Group" -> Optional.of(PrincipalType.GROUP);
            case "Role" -> Optional.of(PrincipalType.ROLE);
            case "LocalManagedPolicy", "AWSManagedPolicy" -> Optional.empty();
            default -> throw io.gatehouse.core.error.IamException.validation("1 validation error detected: Value '"
                    + filter + "' at 'entityFilter' failed to satisfy constraint: Member must satisfy enum value set:"
                    + " [User, Role, Group, LocalManagedPolicy, AWSManagedPolicy]");
        });
    }

    /** The filters LocalManagedPolicy and AWSManagedPolicy name the kind of policy: the other kind lists nothing. */
    private static boolean policyKindExcluded(ActionContext ctx, String policyArn) {
        boolean awsManaged = policyArn.startsWith("arn:aws:iam::aws:");
        return ctx.params().optional("EntityFilter")
                .map(f -> f.equals("LocalManagedPolicy") && awsManaged || f.equals("AWSManagedPolicy") && !awsManaged)
                .orElse(false);
    }

    private static Optional<PolicyAttachment.Kind> usageFilter(ActionContext ctx) {
        return ctx.params().optional("PolicyUsageFilter").map(filter -> switch (filter) {
            case "PermissionsPolicy" -> PolicyAttachment.Kind.PERMISSIONS;
            case "PermissionsBoundary" -> PolicyAttachment.Kind.PERMISSIONS_BOUNDARY;
            default -> throw io.gatehouse.core.error.IamException.validation("1 validation error detected: Value '"
                    + filter + "' at 'policyUsageFilter' failed to satisfy constraint: Member must satisfy enum value"
                    + " set: [PermissionsPolicy, PermissionsBoundary]");
        });
    }

    private static void attached(XmlWriter xml, Page<ManagedPolicy> page) {
        xml.start("AttachedPolicies");
        page.items().forEach(p -> xml.start("member")
                .element("PolicyName", p.name())
                .element("PolicyArn", p.arn().toString())
                .end());
        xml.end();
        Shapes.paging(xml, page);
    }
}
