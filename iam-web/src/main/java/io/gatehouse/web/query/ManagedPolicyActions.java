package io.gatehouse.web.query;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.identity.ManagedPolicy;
import io.gatehouse.core.identity.ManagedPolicyVersion;
import io.gatehouse.core.identity.PolicyAttachment.Kind;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.service.ManagedPolicyService;
import io.gatehouse.core.service.ManagedPolicyService.Scope;

import java.util.List;
import java.util.Optional;

/** Managed policies and their versions: CreatePolicy, GetPolicy, ListPolicies, DeletePolicy, ...PolicyVersion. */
final class ManagedPolicyActions {

    private ManagedPolicyActions() {
    }

    static List<IamAction> all() {
        return List.of(
                IamAction.changing("CreatePolicy", ctx -> Arn.iam(ctx.account(), "policy",
                        ctx.params().optional("Path").orElse("/"), ctx.params().required("PolicyName")), (ctx, xml) -> {
                    ManagedPolicy policy = service(ctx).create(ctx.account(), ctx.params().required("PolicyName"),
                            ctx.params().optional("Path"), ctx.params().required("PolicyDocument"),
                            ctx.params().optional("Description"));
                    policy(ctx, xml, "Policy", policy);
                }),
                IamAction.reading("GetPolicy", ManagedPolicyActions::policyArn, (ctx, xml) ->
                        policy(ctx, xml, "Policy", service(ctx).get(ctx.account(), ctx.params().required("PolicyArn")))),
                IamAction.reading("ListPolicies", ctx -> Arn.iam(ctx.account(), "policy",
                        ctx.params().optional("PathPrefix").orElse("/"), "*"), (ctx, xml) -> {
                    Page<ManagedPolicy> page = service(ctx).list(ctx.account(), scope(ctx),
                            ctx.params().optional("OnlyAttached").map(Boolean::parseBoolean).orElse(false),
                            ctx.params().optional("PathPrefix"), usage(ctx), ctx.params().page());
                    xml.start("Policies");
                    page.items().forEach(p -> policy(ctx, xml, "member", p));
                    xml.end();
                    Shapes.paging(xml, page);
                }),
                IamAction.changing("DeletePolicy", ManagedPolicyActions::policyArn, (ctx, xml) ->
                        service(ctx).delete(ctx.account(), ctx.params().required("PolicyArn"))),
                IamAction.changing("CreatePolicyVersion", ManagedPolicyActions::policyArn, (ctx, xml) -> {
                    String arn = ctx.params().required("PolicyArn");
                    ManagedPolicyVersion version = service(ctx).createVersion(ctx.account(), arn,
                            ctx.params().required("PolicyDocument"),
                            ctx.params().optional("SetAsDefault").map(Boolean::parseBoolean).orElse(false));
                    version(xml, "PolicyVersion", version, service(ctx).get(ctx.account(), arn), false);
                }),
                IamAction.reading("GetPolicyVersion", ManagedPolicyActions::policyArn, (ctx, xml) -> {
                    String arn = ctx.params().required("PolicyArn");
                    ManagedPolicyVersion version = service(ctx).version(ctx.account(), arn,
                            ctx.params().required("VersionId"));
                    version(xml, "PolicyVersion", version, service(ctx).get(ctx.account(), arn), true);
                }),
                IamAction.reading("ListPolicyVersions", ManagedPolicyActions::policyArn, (ctx, xml) -> {
                    String arn = ctx.params().required("PolicyArn");
                    ManagedPolicy policy = service(ctx).get(ctx.account(), arn);
                    xml.start("Versions");
                    service(ctx).versions(ctx.account(), arn).forEach(v -> version(xml, "member", v, policy, false));
                    xml.end();
                    xml.element("IsTruncated", false);
                }),
                IamAction.changing("DeletePolicyVersion", ManagedPolicyActions::policyArn, (ctx, xml) ->
                        service(ctx).deleteVersion(ctx.account(), ctx.params().required("PolicyArn"),
                                ctx.params().required("VersionId"))),
                IamAction.changing("SetDefaultPolicyVersion", ManagedPolicyActions::policyArn, (ctx, xml) ->
                        service(ctx).setDefaultVersion(ctx.account(), ctx.params().required("PolicyArn"),
                                ctx.params().required("VersionId"))));
    }

    private static ManagedPolicyService service(ActionContext ctx) {
        return ctx.services().managedPolicies();
    }

    /** The policy ARN as given; a malformed one is refused by the service after authorization. */
    static Arn policyArn(ActionContext ctx) {
        String arn = ctx.params().required("PolicyArn");
        try {
            return Arn.parse(arn);
        } catch (IllegalArgumentException e) {
            return Arn.iam(ctx.account(), "policy", "/", arn);
        }
    }

    private static Scope scope(ActionContext ctx) {
        String scope = ctx.params().optional("Scope").orElse("All");
        try {
            return Scope.valueOf(scope);
        } catch (IllegalArgumentException e) {
            throw io.gatehouse.core.error.IamException.validation("1 validation error detected: Value '" + scope
                    + "' at 'scope' failed to satisfy constraint: Member must satisfy enum value set: [All, AWS, Local]");
        }
    }

    private static Optional<Kind> usage(ActionContext ctx) {
        return ctx.params().optional("PolicyUsageFilter").map(filter -> switch (filter) {
            case "PermissionsPolicy" -> Kind.PERMISSIONS;
            case "PermissionsBoundary" -> Kind.PERMISSIONS_BOUNDARY;
            default -> throw io.gatehouse.core.error.IamException.validation("1 validation error detected: Value '"
                    + filter + "' at 'policyUsageFilter' failed to satisfy constraint: Member must satisfy enum value"
                    + " set: [PermissionsPolicy, PermissionsBoundary]");
        });
    }

    static void policy(ActionContext ctx, XmlWriter xml, String element, ManagedPolicy policy) {
        xml.start(element)
                .element("PolicyName", policy.name())
                .element("PolicyId", policy.policyId())
                .element("Arn", policy.arn().toString())
                .element("Path", policy.path())
                .element("DefaultVersionId", policy.defaultVersionId())
                .element("AttachmentCount", Long.toString(service(ctx).attachmentCount(ctx.account(), policy)))
                .element("PermissionsBoundaryUsageCount",
                        Long.toString(service(ctx).boundaryUsageCount(ctx.account(), policy)))
                .element("IsAttachable", true);
        policy.description().ifPresent(d -> xml.element("Description", d));
        xml.element("CreateDate", policy.createDate())
                .element("UpdateDate", policy.updateDate())
                .end();
    }

    private static void version(XmlWriter xml, String element, ManagedPolicyVersion version, ManagedPolicy policy,
                                boolean withDocument) {
        xml.start(element);
        if (withDocument) {
            xml.element("Document", Shapes.policyDocument(version.document()));
        }
        xml.element("VersionId", version.versionId())
                .element("IsDefaultVersion", version.versionId().equals(policy.defaultVersionId()))
                .element("CreateDate", version.createDate())
                .end();
    }
}
