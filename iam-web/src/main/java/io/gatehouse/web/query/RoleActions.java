package io.gatehouse.web.query;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.identity.PrincipalType;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.service.RoleService.NewRole;
import io.gatehouse.web.query.Shapes.RoleDetail;

import java.util.List;
import java.util.Optional;

/** CreateRole, GetRole, ListRoles, UpdateRole, UpdateRoleDescription, UpdateAssumeRolePolicy, DeleteRole and role tagging. */
final class RoleActions {

    private RoleActions() {
    }

    static List<IamAction> all() {
        return List.of(
                IamAction.changing("CreateRole", ctx -> Arn.iam(ctx.account(), "role",
                        ctx.params().optional("Path").orElse("/"), ctx.params().required("RoleName")), (ctx, xml) -> {
                    Role role = ctx.services().roles().create(ctx.account(), new NewRole(
                            ctx.params().required("RoleName"),
                            ctx.params().optional("Path"),
                            ctx.params().required("AssumeRolePolicyDocument"),
                            ctx.params().optional("Description"),
                            ctx.params().optionalInt("MaxSessionDuration"),
                            ctx.params().optional("PermissionsBoundary"),
                            ctx.params().tags("Tags")));
                    ctx.params().optional("PermissionsBoundary").ifPresent(arn -> ctx.services().policyAttachments()
                            .putRolePermissionsBoundary(ctx.account(), role.name(), arn));
                    Shapes.role(xml, "Role", role, ctx.params().optional("PermissionsBoundary"), Optional.empty());
                }),
                IamAction.reading("GetRole", RoleActions::namedRole, (ctx, xml) ->
                        full(ctx, xml, role(ctx))),
                IamAction.reading("ListRoles", ctx -> Arn.iam(ctx.account(), "role",
                        ctx.params().optional("PathPrefix").orElse("/"), "*"), (ctx, xml) -> {
                    Page<Role> page = ctx.services().roles().list(ctx.account(),
                            ctx.params().optional("PathPrefix"), ctx.params().page());
                    xml.start("Roles");
                    page.items().forEach(role -> Shapes.role(xml, "member", role, RoleDetail.LISTED));
                    xml.end();
                    Shapes.paging(xml, page);
                }),
                IamAction.changing("UpdateRole", RoleActions::namedRole, (ctx, xml) ->
                        ctx.services().roles().update(ctx.account(), ctx.params().required("RoleName"),
                                ctx.params().optional("Description"), ctx.params().optionalInt("MaxSessionDuration"))),
                IamAction.changing("UpdateRoleDescription", RoleActions::namedRole, (ctx, xml) -> {
                    Role role = ctx.services().roles().updateDescription(ctx.account(),
                            ctx.params().required("RoleName"), ctx.params().required("Description"));
                    full(ctx, xml, role);
                }),
                IamAction.changing("UpdateAssumeRolePolicy", RoleActions::namedRole, (ctx, xml) ->
                        ctx.services().roles().updateTrustPolicy(ctx.account(), ctx.params().required("RoleName"),
                                ctx.params().required("PolicyDocument"))),
                IamAction.changing("DeleteRole", RoleActions::namedRole, (ctx, xml) ->
                        ctx.services().roles().delete(ctx.account(), ctx.params().required("RoleName"))),
                IamAction.changing("TagRole", RoleActions::namedRole, (ctx, xml) ->
                        ctx.services().roles().tag(ctx.account(), ctx.params().required("RoleName"),
                                UserActions.requiredTags(ctx))),
                IamAction.changing("UntagRole", RoleActions::namedRole, (ctx, xml) ->
                        ctx.services().roles().untag(ctx.account(), ctx.params().required("RoleName"),
                                UserActions.requiredTagKeys(ctx))),
                IamAction.reading("ListRoleTags", RoleActions::namedRole, (ctx, xml) ->
                        UserActions.tagPage(xml, role(ctx).tags(), ctx.params().page())));
    }

    private static void full(ActionContext ctx, XmlWriter xml, Role role) {
        Shapes.role(xml, "Role", role, ctx.services().policyAttachments().boundaryOf(PrincipalType.ROLE, role.roleId()),
                ctx.services().roleRepository().lastUsed(role));
    }

    private static Role role(ActionContext ctx) {
        return ctx.services().roles().get(ctx.account(), ctx.params().required("RoleName"));
    }

    static Arn namedRole(ActionContext ctx) {
        return roleArn(ctx, ctx.params().required("RoleName"));
    }

    /** A missing role is authorized against path "/", so a refusal does not reveal whether it exists. */
    static Arn roleArn(ActionContext ctx, String name) {
        return ctx.services().roleRepository().findByName(ctx.account(), name)
                .map(Role::arn)
                .orElseGet(() -> Arn.iam(ctx.account(), "role", "/", name));
    }
}
