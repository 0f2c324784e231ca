package io.gatehouse.web.query;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.identity.Group;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.port.Page;

import java.util.List;

/** Groups and memberships: CreateGroup, GetGroup, ListGroups, ListGroupsForUser, AddUserToGroup, ... */
final class GroupActions {

    private GroupActions() {
    }

    static List<IamAction> all() {
        return List.of(
                IamAction.changing("CreateGroup", ctx -> Arn.iam(ctx.account(), "group",
                        ctx.params().optional("Path").orElse("/"), ctx.params().required("GroupName")), (ctx, xml) -> {
                    Group group = ctx.services().groups().create(ctx.account(), ctx.params().required("GroupName"),
                            ctx.params().optional("Path"));
                    Shapes.group(xml, "Group", group);
                }),
                IamAction.reading("GetGroup", GroupActions::namedGroup, (ctx, xml) -> {
                    Group group = ctx.services().groups().get(ctx.account(), ctx.params().required("GroupName"));
                    Page<User> members = ctx.services().groups().members(group, ctx.params().page());
                    Shapes.group(xml, "Group", group);
                    xml.start("Users");
                    members.items().forEach(user -> Shapes.user(xml, "member", user));
                    xml.end();
                    Shapes.paging(xml, members);
                }),
                IamAction.reading("ListGroups", ctx -> Arn.iam(ctx.account(), "group",
                        ctx.params().optional("PathPrefix").orElse("/"), "*"), (ctx, xml) -> {
                    Page<Group> page = ctx.services().groups().list(ctx.account(),
                            ctx.params().optional("PathPrefix"), ctx.params().page());
                    groups(xml, page);
                }),
                IamAction.reading("ListGroupsForUser", UserActions::namedUser, (ctx, xml) -> {
                    Page<Group> page = ctx.services().groups().listForUser(ctx.account(),
                            ctx.params().required("UserName"), ctx.params().page());
                    groups(xml, page);
                }),
                IamAction.changing("AddUserToGroup", GroupActions::namedGroup, (ctx, xml) ->
                        ctx.services().groups().addUser(ctx.account(), ctx.params().required("GroupName"),
                                ctx.params().required("UserName"))),
                IamAction.changing("RemoveUserFromGroup", GroupActions::namedGroup, (ctx, xml) ->
                        ctx.services().groups().removeUser(ctx.account(), ctx.params().required("GroupName"),
                                ctx.params().required("UserName"))),
                IamAction.changing("UpdateGroup", GroupActions::namedGroup, (ctx, xml) ->
                        ctx.services().groups().update(ctx.account(), ctx.params().required("GroupName"),
                                ctx.params().optional("NewGroupName"), ctx.params().optional("NewPath"))),
                IamAction.changing("DeleteGroup", GroupActions::namedGroup, (ctx, xml) ->
                        ctx.services().groups().delete(ctx.account(), ctx.params().required("GroupName"))));
    }

    private static void groups(XmlWriter xml, Page<Group> page) {
        xml.start("Groups");
        page.items().forEach(group -> Shapes.group(xml, "member", group));
        xml.end();
        Shapes.paging(xml, page);
    }

    static Arn namedGroup(ActionContext ctx) {
        String name = ctx.params().required("GroupName");
        return ctx.services().groupRepository().findByName(ctx.account(), name)
                .map(Group::arn)
                .orElseGet(() -> Arn.iam(ctx.account(), "group", "/", name));
    }
}
