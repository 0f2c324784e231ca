package io.gatehouse.web.query;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Account;
import io.gatehouse.core.identity.PrincipalType;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.service.Caller;

import java.util.List;
import java.util.Optional;

/** CreateUser, GetUser, ListUsers, UpdateUser, DeleteUser and user tagging. */
final class UserActions {

    private UserActions() {
    }

    static List<IamAction> all() {
        return List.of(
                IamAction.changing("CreateUser", UserActions::newUserArn, (ctx, xml) -> {
                    User user = ctx.services().users().create(ctx.account(), ctx.params().required("UserName"),
                            ctx.params().optional("Path"), ctx.params().tags("Tags"));
                    Shapes.user(xml, "User", user);
                }),
                IamAction.reading("GetUser", UserActions::namedUserOrCaller, UserActions::getUser),
                IamAction.reading("ListUsers", ctx -> Arn.iam(ctx.account(), "user",
                        ctx.params().optional("PathPrefix").orElse("/"), "*"), (ctx, xml) -> {
                    Page<User> page = ctx.services().users().list(ctx.account(),
                            ctx.params().optional("PathPrefix"), ctx.params().page());
                    xml.start("Users");
                    page.items().forEach(user -> Shapes.user(xml, "member", user));
                    xml.end();
                    Shapes.paging(xml, page);
                }),
                IamAction.changing("UpdateUser", UserActions::namedUser, (ctx, xml) ->
                        ctx.services().users().update(ctx.account(), ctx.params().required("UserName"),
                                ctx.params().optional("NewUserName"), ctx.params().optional("NewPath"))),
                IamAction.changing("DeleteUser", UserActions::namedUser, (ctx, xml) ->
                        ctx.services().users().delete(ctx.account(), ctx.params().required("UserName"))),
                IamAction.changing("TagUser", UserActions::namedUser, (ctx, xml) ->
                        ctx.services().users().tag(ctx.account(), ctx.params().required("UserName"),
                                requiredTags(ctx))),
                IamAction.changing("UntagUser", UserActions::namedUser, (ctx, xml) ->
                        ctx.services().users().untag(ctx.account(), ctx.params().required("UserName"),
                                requiredTagKeys(ctx))),
                IamAction.reading("ListUserTags", UserActions::namedUser, UserActions::listUserTags));
    }

    private static void getUser(ActionContext ctx, XmlWriter xml) {
        Optional<String> name = ctx.params().optional("UserName");
        Caller caller = ctx.caller();
        if (name.isEmpty()) {
            caller.requireUserCredentials();
        }
        if (name.isEmpty() && caller.isRoot()) {
            // AWS describes the root user by its account id and root ARN.
            xml.start("User")
                    .element("UserId", caller.principalId())
                    .element("Arn", caller.arn().toString())
                    .element("CreateDate", ctx.services().accounts().find(ctx.account())
                            .map(Account::createDate).orElseThrow())
                    .end();
            return;
        }
        User user = name.map(n -> ctx.services().users().get(ctx.account(), n))
                .orElseGet(() -> caller.user().orElseThrow());
        Shapes.user(xml, "User", user, ctx.services().policyAttachments().boundaryOf(PrincipalType.USER, user.userId()));
    }

    private static void listUserTags(ActionContext ctx, XmlWriter xml) {
        PageRequest page = ctx.params().page();
        User user = ctx.services().users().get(ctx.account(), ctx.params().required("UserName"));
        tagPage(xml, user.tags(), page);
    }

    /** An entity's tags, paged by position: at most 50, so the marker is simply the next index. */
    static void tagPage(XmlWriter xml, List<Tag> tags, PageRequest page) {
        int from = page.marker().map(UserActions::markerIndex).orElse(0);
        int to = Math.min(tags.size(), from + page.maxItems());
        Shapes.tags(xml, tags.subList(Math.min(from, to), to));
        xml.element("IsTruncated", to < tags.size());
        if (to < tags.size()) {
            xml.element("Marker", Integer.toString(to));
        }
    }

    private static int markerIndex(String marker) {
        try {
            return Math.max(0, Integer.parseInt(marker));
        } catch (NumberFormatException e) {
            throw IamException.validation("The marker " + marker + " is not valid.");
        }
    }

    static List<Tag> requiredTags(ActionContext ctx) {
        var tags = ctx.params().tags("Tags");
        if (tags.isEmpty()) {
            ctx.params().required("Tags");
        }
        return tags;
    }

    static List<String> requiredTagKeys(ActionContext ctx) {
        List<String> keys = ctx.params().list("TagKeys");
        if (keys.isEmpty()) {
            ctx.params().required("TagKeys");
        }
        return keys;
    }

    /** The ARN of a user about to be created, with its requested path. */
    static Arn newUserArn(ActionContext ctx) {
        return Arn.iam(ctx.account(), "user", ctx.params().optional("Path").orElse("/"),
                ctx.params().required("UserName"));
    }

    /** The ARN of an existing user (with its stored path), or of the caller when no name is given. */
    static Arn namedUserOrCaller(ActionContext ctx) {
        return ctx.params().optional("UserName").map(name -> userArn(ctx, name)).orElse(ctx.caller().arn());
    }

    static Arn namedUser(ActionContext ctx) {
        return userArn(ctx, ctx.params().required("UserName"));
    }

    /** A missing user is authorized against path "/", so a refusal does not reveal whether it exists. */
    static Arn userArn(ActionContext ctx, String name) {
        return ctx.services().userRepository().findByName(ctx.account(), name)
                .map(User::arn)
                .orElseGet(() -> Arn.iam(ctx.account(), "user", "/", name));
    }
}
