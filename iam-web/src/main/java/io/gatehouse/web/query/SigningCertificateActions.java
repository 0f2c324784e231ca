package io.gatehouse.web.query;

import io.gatehouse.core.identity.AccessKeyStatus;
import io.gatehouse.core.identity.SigningCertificate;
import io.gatehouse.core.service.KeyOwner;

import java.util.List;

/** UploadSigningCertificate, ListSigningCertificates, UpdateSigningCertificate, DeleteSigningCertificate. */
final class SigningCertificateActions {

    private SigningCertificateActions() {
    }

    static List<IamAction> all() {
        return List.of(
                IamAction.changing("UploadSigningCertificate", UserActions::namedUserOrCaller, (ctx, xml) -> {
                    KeyOwner owner = owner(ctx);
                    SigningCertificate certificate = ctx.services().signingCertificates().upload(owner,
                            ctx.params().required("CertificateBody"));
                    certificate(xml, "Certificate", certificate, owner);
                }),
                IamAction.reading("ListSigningCertificates", UserActions::namedUserOrCaller, (ctx, xml) -> {
                    KeyOwner owner = owner(ctx);
                    // At most two certificates per user: one page always holds them all.
                    xml.start("Certificates");
                    ctx.services().signingCertificates().list(owner)
                            .forEach(certificate -> certificate(xml, "member", certificate, owner));
                    xml.end().element("IsTruncated", false);
                }),
                IamAction.changing("UpdateSigningCertificate", UserActions::namedUserOrCaller, (ctx, xml) -> {
                    AccessKeyStatus status = AccessKeyStatus.parse(ctx.params().required("Status"), "status");
                    ctx.services().signingCertificates().updateStatus(owner(ctx),
                            ctx.params().required("CertificateId"), status);
                }),
                IamAction.changing("DeleteSigningCertificate", UserActions::namedUserOrCaller, (ctx, xml) ->
                        ctx.services().signingCertificates().delete(owner(ctx), ctx.params().required("CertificateId"))));
    }

    private static void certificate(XmlWriter xml, String element, SigningCertificate certificate, KeyOwner owner) {
        xml.start(element)
                .element("UserName", owner.userName())
                .element("CertificateId", certificate.certificateId())
                .element("CertificateBody", certificate.body())
                .element("Status", certificate.status().name())
                .element("UploadDate", certificate.uploadDate())
                .end();
    }

    /** The named user, else the caller (the root user's own certificates when root calls). */
    private static KeyOwner owner(ActionContext ctx) {
        return ctx.services().accessKeys().owner(ctx.caller(), ctx.params().optional("UserName"));
    }
}
