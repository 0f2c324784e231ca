package io.gatehouse.web.query;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.identity.InstanceProfile;
import io.gatehouse.core.port.Page;

import java.util.List;

/**
 * CreateInstanceProfile, GetInstanceProfile, ListInstanceProfiles, ListInstanceProfilesForRole,
 * AddRoleToInstanceProfile, RemoveRoleFromInstanceProfile, DeleteInstanceProfile and profile tagging.
 */
final class InstanceProfileActions {

    private InstanceProfileActions() {
    }

    static List<IamAction> all() {
        return List.of(
                IamAction.changing("CreateInstanceProfile", ctx -> Arn.iam(ctx.account(), "instance-profile",
                        ctx.params().optional("Path").orElse("/"), ctx.params().required("InstanceProfileName")),
                        (ctx, xml) -> {
                            InstanceProfile profile = ctx.services().instanceProfiles().create(ctx.account(),
                                    ctx.params().required("InstanceProfileName"), ctx.params().optional("Path"),
                                    ctx.params().tags("Tags"));
                            Shapes.instanceProfile(xml, "InstanceProfile", profile);
                        }),
                IamAction.reading("GetInstanceProfile", InstanceProfileActions::namedProfile, (ctx, xml) ->
                        Shapes.instanceProfile(xml, "InstanceProfile", ctx.services().instanceProfiles()
                                .get(ctx.account(), ctx.params().required("InstanceProfileName")))),
                IamAction.reading("ListInstanceProfiles", ctx -> Arn.iam(ctx.account(), "instance-profile",
                        ctx.params().optional("PathPrefix").orElse("/"), "*"), (ctx, xml) ->
                        profiles(xml, ctx.services().instanceProfiles().list(ctx.account(),
                                ctx.params().optional("PathPrefix"), ctx.params().page()))),
                IamAction.reading("ListInstanceProfilesForRole", RoleActions::namedRole, (ctx, xml) ->
                        profiles(xml, ctx.services().instanceProfiles().listForRole(ctx.account(),
                                ctx.params().required("RoleName"), ctx.params().page()))),
                IamAction.changing("AddRoleToInstanceProfile", InstanceProfileActions::namedProfile, (ctx, xml) ->
                        ctx.services().instanceProfiles().addRole(ctx.account(),
                                ctx.params().required("InstanceProfileName"), ctx.params().required("RoleName"))),
                IamAction.changing("RemoveRoleFromInstanceProfile", InstanceProfileActions::namedProfile, (ctx, xml) ->
                        ctx.services().instanceProfiles().removeRole(ctx.account(),
                                ctx.params().required("InstanceProfileName"), ctx.params().required("RoleName"))),
                IamAction.changing("DeleteInstanceProfile", InstanceProfileActions::namedProfile, (ctx, xml) ->
                        ctx.services().instanceProfiles().delete(ctx.account(),
                                ctx.params().required("InstanceProfileName"))),
                IamAction.changing("TagInstanceProfile", InstanceProfileActions::namedProfile, (ctx, xml) ->
                        ctx.services().instanceProfiles().tag(ctx.account(),
                                ctx.params().required("InstanceProfileName"), UserActions.requiredTags(ctx))),
                IamAction.changing("UntagInstanceProfile", InstanceProfileActions::namedProfile, (ctx, xml) ->
                        ctx.services().instanceProfiles().untag(ctx.account(),
                                ctx.params().required("InstanceProfileName"), UserActions.requiredTagKeys(ctx))),
                IamAction.reading("ListInstanceProfileTags", InstanceProfileActions::namedProfile, (ctx, xml) ->
                        UserActions.tagPage(xml, ctx.services().instanceProfiles().get(ctx.account(),
                                ctx.params().required("InstanceProfileName")).tags(), ctx.params().page())));
    }

    private static void profiles(XmlWriter xml, Page<InstanceProfile> page) {
        xml.start("InstanceProfiles");
        page.items().forEach(profile -> Shapes.instanceProfile(xml, "member", profile));
        xml.end();
        Shapes.paging(xml, page);
    }

    /** A missing profile is authorized against path "/", so a refusal does not reveal whether it exists. */
    private static Arn namedProfile(ActionContext ctx) {
        String name = ctx.params().required("InstanceProfileName");
        return ctx.services().instanceProfileRepository().findByName(ctx.account(), name)
                .map(InstanceProfile::arn)
                .orElseGet(() -> Arn.iam(ctx.account(), "instance-profile", "/", name));
    }
}
