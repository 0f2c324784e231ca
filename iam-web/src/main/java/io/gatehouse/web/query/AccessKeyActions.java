package io.gatehouse.web.query;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.identity.AccessKey;
import io.gatehouse.core.identity.AccessKeyStatus;
import io.gatehouse.core.service.AccessKeyService.KeyUse;
import io.gatehouse.core.service.KeyOwner;
import io.gatehouse.core.service.NewAccessKey;

import java.util.List;

/** CreateAccessKey (the only time a secret is returned), ListAccessKeys, UpdateAccessKey, DeleteAccessKey, GetAccessKeyLastUsed. */
final class AccessKeyActions {

    private AccessKeyActions() {
    }

    static List<IamAction> all() {
        return List.of(
                IamAction.changing("CreateAccessKey", UserActions::namedUserOrCaller, (ctx, xml) -> {
                    NewAccessKey created = ctx.services().accessKeys().create(owner(ctx));
                    xml.start("AccessKey");
                    if (!created.userName().isEmpty()) {
                        xml.element("UserName", created.userName());
                    }
                    xml.element("AccessKeyId", created.key().accessKeyId())
                            .element("Status", created.key().status().name())
                            .element("SecretAccessKey", created.secretAccessKey())
                            .element("CreateDate", created.key().createDate())
                            .end();
                }),
                IamAction.reading("ListAccessKeys", UserActions::namedUserOrCaller, (ctx, xml) -> {
                    KeyOwner owner = owner(ctx);
                    List<AccessKey> keys = ctx.services().accessKeys().list(owner);
                    // At most two keys per user: one page always holds them all.
                    xml.start("AccessKeyMetadata");
                    keys.forEach(key -> Shapes.accessKeyMetadata(xml, key, owner.userName()));
                    xml.end().element("IsTruncated", false);
                }),
                IamAction.changing("UpdateAccessKey", UserActions::namedUserOrCaller, (ctx, xml) -> {
                    AccessKeyStatus status = AccessKeyStatus.parse(ctx.params().required("Status"), "Status");
                    ctx.services().accessKeys().updateStatus(owner(ctx), ctx.params().required("AccessKeyId"), status);
                }),
                IamAction.changing("DeleteAccessKey", UserActions::namedUserOrCaller, (ctx, xml) ->
                        ctx.services().accessKeys().delete(owner(ctx), ctx.params().required("AccessKeyId"))),
                IamAction.reading("GetAccessKeyLastUsed", ctx -> Arn.iam(ctx.account(), "user", "/", "*"), (ctx, xml) -> {
                    KeyUse use = ctx.services().accessKeys().lastUsed(ctx.caller(), ctx.params().required("AccessKeyId"));
                    if (!use.userName().isEmpty()) {
                        xml.element("UserName", use.userName());
                    }
                    xml.start("AccessKeyLastUsed");
                    use.lastUsed().ifPresentOrElse(last -> xml
                                    .element("LastUsedDate", last.lastUsedDate())
                                    .element("ServiceName", last.serviceName())
                                    .element("Region", last.region()),
                            // AWS's answer for a key never used.
                            () -> xml.element("ServiceName", "N/A").element("Region", "N/A"));
                    xml.end();
                }));
    }

    private static KeyOwner owner(ActionContext ctx) {
        return ctx.services().accessKeys().owner(ctx.caller(), ctx.params().optional("UserName"));
    }
}
