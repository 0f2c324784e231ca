package io.gatehouse.web.query;

import io.gatehouse.core.port.Page;

import java.util.List;

/** Inline policies of users, groups and roles: Put/Get/Delete/List UserPolicy, GroupPolicy and RolePolicy. */
final class InlinePolicyActions {

    private InlinePolicyActions() {
    }

    static List<IamAction> all() {
        return List.of(
                IamAction.changing("PutUserPolicy", UserActions::namedUser, (ctx, xml) ->
                        ctx.services().inlinePolicies().putUserPolicy(ctx.account(), ctx.params().required("UserName"),
                                ctx.params().required("PolicyName"), ctx.params().required("PolicyDocument"))),
                IamAction.reading("GetUserPolicy", UserActions::namedUser, (ctx, xml) -> {
                    String user = ctx.params().required("UserName");
                    String name = ctx.params().required("PolicyName");
                    String document = ctx.services().inlinePolicies().getUserPolicy(ctx.account(), user, name);
                    xml.element("UserName", user).element("PolicyName", name)
                            .element("PolicyDocument", Shapes.policyDocument(document));
                }),
                IamAction.changing("DeleteUserPolicy", UserActions::namedUser, (ctx, xml) ->
                        ctx.services().inlinePolicies().deleteUserPolicy(ctx.account(),
                                ctx.params().required("UserName"), ctx.params().required("PolicyName"))),
                IamAction.reading("ListUserPolicies", UserActions::namedUser, (ctx, xml) ->
                        names(xml, ctx.services().inlinePolicies().listUserPolicies(ctx.account(),
                                ctx.params().required("UserName"), ctx.params().page()))),
                IamAction.changing("PutGroupPolicy", GroupActions::namedGroup, (ctx, xml) ->
                        ctx.services().inlinePolicies().putGroupPolicy(ctx.account(), ctx.params().required("GroupName"),
                                ctx.params().required("PolicyName"), ctx.params().required("PolicyDocument"))),
                IamAction.reading("GetGroupPolicy", GroupActions::namedGroup, (ctx, xml) -> {
                    String group = ctx.params().required("GroupName");
                    String name = ctx.params().required("PolicyName");
                    String document = ctx.services().inlinePolicies().getGroupPolicy(ctx.account(), group, name);
                    xml.element("GroupName", group).element("PolicyName", name)
                            .element("PolicyDocument", Shapes.policyDocument(document));
                }),
                IamAction.changing("DeleteGroupPolicy", GroupActions::namedGroup, (ctx, xml) ->
                        ctx.services().inlinePolicies().deleteGroupPolicy(ctx.account(),
                                ctx.params().required("GroupName"), ctx.params().required("PolicyName"))),
                IamAction.reading("ListGroupPolicies", GroupActions::namedGroup, (ctx, xml) ->
                        names(xml, ctx.services().inlinePolicies().listGroupPolicies(ctx.account(),
                                ctx.params().required("GroupName"), ctx.params().page()))),
                IamAction.changing("PutRolePolicy", RoleActions::namedRole, (ctx, xml) ->
                        ctx.services().inlinePolicies().putRolePolicy(ctx.account(), ctx.params().required("RoleName"),
                                ctx.params().required("PolicyName"), ctx.params().required("PolicyDocument"))),
                IamAction.reading("GetRolePolicy", RoleActions::namedRole, (ctx, xml) -> {
                    String role = ctx.params().required("RoleName");
                    String name = ctx.params().required("PolicyName");
                    String document = ctx.services().inlinePolicies().getRolePolicy(ctx.account(), role, name);
                    xml.element("RoleName", role).element("PolicyName", name)
                            .element("PolicyDocument", Shapes.policyDocument(document));
                }),
                IamAction.changing("DeleteRolePolicy", RoleActions::namedRole, (ctx, xml) ->
                        ctx.services().inlinePolicies().deleteRolePolicy(ctx.account(),
                                ctx.params().required("RoleName"), ctx.params().required("PolicyName"))),
                IamAction.reading("ListRolePolicies", RoleActions::namedRole, (ctx, xml) ->
                        names(xml, ctx.services().inlinePolicies().listRolePolicies(ctx.account(),
                                ctx.params().required("RoleName"), ctx.params().page()))));
    }

    private static void names(XmlWriter xml, Page<String> page) {
        xml.start("PolicyNames");
        page.items().forEach(name -> xml.element("member", name));
        xml.end();
        Shapes.paging(xml, page);
    }
}
