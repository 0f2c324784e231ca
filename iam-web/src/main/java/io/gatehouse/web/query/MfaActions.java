package io.gatehouse.web.query;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.VirtualMfaDevice;
import io.gatehouse.core.port.MfaDeviceRepository.Assignment;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.service.NewVirtualMfaDevice;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Virtual MFA devices: CreateVirtualMFADevice (the only time the seed is returned), EnableMFADevice,
 * ResyncMFADevice, DeactivateMFADevice, DeleteVirtualMFADevice, ListMFADevices, ListVirtualMFADevices.
 */
final class MfaActions {

    private MfaActions() {
    }

    static List<IamAction> all() {
        return List.of(
                IamAction.changing("CreateVirtualMFADevice", ctx -> Arn.iam(ctx.account(), "mfa",
                        ctx.params().optional("Path").orElse("/"), ctx.params().required("VirtualMFADeviceName")),
                        (ctx, xml) -> {
                    NewVirtualMfaDevice created = ctx.services().mfa().createVirtual(ctx.account(),
                            ctx.params().required("VirtualMFADeviceName"), ctx.params().optional("Path"),
                            ctx.params().tags("Tags"));
                    // Both are blobs in AWS's model: base64 on the wire, raw bytes once the SDK decodes them.
                    xml.start("VirtualMFADevice")
                            .element("SerialNumber", created.device().serialNumber())
                            .element("Base32StringSeed", base64(created.base32StringSeed().getBytes(StandardCharsets.US_ASCII)))
                            .element("QRCodePNG", base64(created.qrCodePng()));
                    if (!created.device().tags().isEmpty()) {
                        Shapes.tags(xml, created.device().tags());
                    }
                    xml.end();
                }),
                IamAction.changing("EnableMFADevice", UserActions::namedUser, (ctx, xml) ->
                        ctx.services().mfa().enable(ctx.account(), ctx.params().required("UserName"),
                                ctx.params().required("SerialNumber"), ctx.params().required("AuthenticationCode1"),
                                ctx.params().required("AuthenticationCode2"))),
                IamAction.changing("ResyncMFADevice", UserActions::namedUser, (ctx, xml) ->
                        ctx.services().mfa().resync(ctx.account(), ctx.params().required("UserName"),
                                ctx.params().required("SerialNumber"), ctx.params().required("AuthenticationCode1"),
                                ctx.params().required("AuthenticationCode2"))),
                IamAction.changing("DeactivateMFADevice", UserActions::namedUser, (ctx, xml) ->
                        ctx.services().mfa().deactivate(ctx.account(), ctx.params().required("UserName"),
                                ctx.params().required("SerialNumber"))),
                IamAction.changing("DeleteVirtualMFADevice", MfaActions::serialNumberArn, (ctx, xml) ->
                        ctx.services().mfa().deleteVirtual(ctx.account(), ctx.params().required("SerialNumber"))),
                IamAction.reading("ListMFADevices", UserActions::namedUserOrCaller, (ctx, xml) -> {
                    Page<VirtualMfaDevice> page = ctx.services().mfa().listForUser(ctx.caller(),
                            ctx.params().optional("UserName"), ctx.params().page());
                    xml.start("MFADevices");
                    for (VirtualMfaDevice device : page.items()) {
                        xml.start("member");
                        ctx.services().mfa().assignee(device).ifPresent(user -> xml.element("UserName", user.name()));
                        xml.element("SerialNumber", device.serialNumber());
                        device.enableDate().ifPresent(date -> xml.element("EnableDate", date));
                        xml.end();
                    }
                    xml.end();
                    Shapes.paging(xml, page);
                }),
                IamAction.reading("ListVirtualMFADevices", ctx -> Arn.iam(ctx.account(), "mfa", "/", "*"), (ctx, xml) -> {
                    Assignment assignment = assignment(ctx.params().optional("AssignmentStatus").orElse("Any"));
                    Page<VirtualMfaDevice> page = ctx.services().mfa().listVirtual(ctx.account(), assignment,
                            ctx.params().page());
                    xml.start("VirtualMFADevices");
                    for (VirtualMfaDevice device : page.items()) {
                        xml.start("member").element("SerialNumber", device.serialNumber());
                        ctx.services().mfa().assignee(device).ifPresent(user -> Shapes.user(xml, "User", user));
                        device.enableDate().ifPresent(date -> xml.element("EnableDate", date));
                        if (!device.tags().isEmpty()) {
                            Shapes.tags(xml, device.tags());
                        }
                        xml.end();
                    }
                    xml.end();
                    Shapes.paging(xml, page);
                }));
    }

    /** A serial number is the device's ARN; a value that is no ARN fails validation before anything runs. */
    private static Arn serialNumberArn(ActionContext ctx) {
        return Arn.parse(ctx.params().required("SerialNumber"));
    }

    private static Assignment assignment(String value) {
        for (Assignment assignment : Assignment.values()) {
            if (assignment.name().equals(value)) {
                return assignment;
            }
        }
        throw IamException.validation("1 validation error detected: Value '" + value + "' at 'assignmentStatus' "
                + "failed to satisfy constraint: Member must satisfy enum value set: [Assigned, Unassigned, Any]");
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
