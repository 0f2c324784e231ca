package io.gatehouse.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.InvalidAuthenticationCodeException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MFADevice;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Virtual MFA devices through the AWS SDK, with codes computed from the returned seed. */
class VirtualMfaApiIT extends GatehouseServer {

    private static final IamClient IAM = admin();
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @AfterAll
    static void close() {
        IAM.close();
    }

    private static String givenUser(String prefix) {
        String name = unique(prefix);
        IAM.createUser(b -> b.userName(name));
        return name;
    }

    @Test
    void createReturnsTheSerialNumberSeedAndQrCodeOnce() {
        String name = unique("phone");

        VirtualMFADevice device = IAM.createVirtualMFADevice(b -> b.virtualMFADeviceName(name).path("/team/"))
                .virtualMFADevice();

        assertTrue(device.serialNumber().matches("arn:aws:iam::\\d{12}:mfa/team/" + name), device.serialNumber());
        assertTrue(device.base32StringSeed().asUtf8String().matches("[A-Z2-7]{32}"), device.base32StringSeed().asUtf8String());
        byte[] png = device.qrCodePNG().asByteArray();
        byte[] signature = new byte[PNG_SIGNATURE.length];
        System.arraycopy(png, 0, signature, 0, signature.length);
        assertArrayEquals(PNG_SIGNATURE, signature);
        List<VirtualMFADevice> listed = IAM.listVirtualMFADevices(b -> b.assignmentStatus(AssignmentStatusType.UNASSIGNED))
                .virtualMFADevices();
        VirtualMFADevice shown = listed.stream().filter(d -> d.serialNumber().equals(device.serialNumber())).findFirst()
                .orElseThrow();
        assertEquals(null, shown.base32StringSeed());
    }

    @Test
    void aSecondDeviceWithTheSameNameAlreadyExists() {
        String name = unique("phone");
        IAM.createVirtualMFADevice(b -> b.virtualMFADeviceName(name));

        assertThrows(EntityAlreadyExistsException.class, () -> IAM.createVirtualMFADevice(b -> b.virtualMFADeviceName(name)));
    }

    @Test
    void enablingWithTwoConsecutiveCodesAssignsTheDevice() {
        String user = givenUser("mia");
        Authenticator phone = Authenticator.create(IAM, unique("phone"));

        phone.enableFor(IAM, user);

        List<MFADevice> devices = IAM.listMFADevices(b -> b.userName(user)).mfaDevices();
        assertEquals(List.of(phone.serialNumber()), devices.stream().map(MFADevice::serialNumber).toList());
        assertEquals(user, devices.get(0).userName());
        assertNotNull(devices.get(0).enableDate());
        VirtualMFADevice assigned = IAM.listVirtualMFADevices(b -> b.assignmentStatus(AssignmentStatusType.ASSIGNED))
                .virtualMFADevices().stream().filter(d -> d.serialNumber().equals(phone.serialNumber())).findFirst()
                .orElseThrow();
        assertEquals(user, assigned.user().userName());
        assertFalse(IAM.listVirtualMFADevices(b -> b.assignmentStatus(AssignmentStatusType.UNASSIGNED))
                .virtualMFADevices().stream().anyMatch(d -> d.serialNumber().equals(phone.serialNumber())));
    }

    @Test
    void wrongCodesAreAnInvalidAuthenticationCode() {
        String user = givenUser("nia");
        Authenticator phone = Authenticator.create(IAM, unique("phone"));
        long step = Authenticator.currentStep();

        InvalidAuthenticationCodeException e = assertThrows(InvalidAuthenticationCodeException.class,
                () -> IAM.enableMFADevice(b -> b.userName(user).serialNumber(phone.serialNumber())
                        .authenticationCode1(phone.code(step + 1)).authenticationCode2(phone.code(step))));

        assertEquals(403, e.statusCode());
        assertTrue(IAM.listMFADevices(b -> b.userName(user)).mfaDevices().isEmpty());
    }

    @Test
    void codesAlreadyAcceptedAreRefusedTheSecondTime() {
        String user = givenUser("ola");
        Authenticator phone = Authenticator.create(IAM, unique("phone"));
        long step = phone.enableFor(IAM, user);
        IAM.deactivateMFADevice(b -> b.userName(user).serialNumber(phone.serialNumber()));

        assertThrows(InvalidAuthenticationCodeException.class, () -> IAM.enableMFADevice(b -> b.userName(user)
                .serialNumber(phone.serialNumber()).authenticationCode1(phone.code(step))
                .authenticationCode2(phone.code(step + 1))));
    }

    @Test
    void resyncAcceptsLaterCodesAndRefusesReplayedOnes() {
        String user = givenUser("pia");
        Authenticator phone = Authenticator.create(IAM, unique("phone"));
        long step = phone.enableFor(IAM, user);

        assertThrows(InvalidAuthenticationCodeException.class, () -> IAM.resyncMFADevice(b -> b.userName(user)
                .serialNumber(phone.serialNumber()).authenticationCode1(phone.code(step))
                .authenticationCode2(phone.code(step + 1))));
        IAM.resyncMFADevice(b -> b.userName(user).serialNumber(phone.serialNumber())
                .authenticationCode1(phone.code(step + 2)).authenticationCode2(phone.code(step + 3)));
    }

    @Test
    void anEnabledDeviceCannotBeDeletedUntilDeactivated() {
        String user = givenUser("quinn");
        Authenticator phone = Authenticator.create(IAM, unique("phone"));
        phone.enableFor(IAM, user);

        assertThrows(DeleteConflictException.class,
                () -> IAM.deleteVirtualMFADevice(b -> b.serialNumber(phone.serialNumber())));

        IAM.deactivateMFADevice(b -> b.userName(user).serialNumber(phone.serialNumber()));
        IAM.deleteVirtualMFADevice(b -> b.serialNumber(phone.serialNumber()));
        assertThrows(NoSuchEntityException.class, () -> IAM.deleteVirtualMFADevice(b -> b.serialNumber(phone.serialNumber())));
        assertTrue(IAM.listMFADevices(b -> b.userName(user)).mfaDevices().isEmpty());
    }

    @Test
    void aUserWithAnMfaDeviceCannotBeDeleted() {
        String user = givenUser("rosa");
        Authenticator phone = Authenticator.create(IAM, unique("phone"));
        phone.enableFor(IAM, user);

        DeleteConflictException e = assertThrows(DeleteConflictException.class, () -> IAM.deleteUser(b -> b.userName(user)));

        assertTrue(e.awsErrorDetails().errorMessage().contains("MFA device"), e.awsErrorDetails().errorMessage());
        IAM.deactivateMFADevice(b -> b.userName(user).serialNumber(phone.serialNumber()));
        IAM.deleteUser(b -> b.userName(user));
    }

    @Test
    void aDeviceInUseCannotBeEnabledForAnotherUser() {
        String first = givenUser("sue");
        String second = givenUser("tom");
        Authenticator phone = Authenticator.create(IAM, unique("phone"));
        phone.enableFor(IAM, first);

        assertThrows(EntityAlreadyExistsException.class, () -> phone.enableFor(IAM, second));
    }

    @Test
    void aNinthDeviceExceedsTheQuotaOfEightPerUser() {
        String user = givenUser("uli");
        for (int i = 0; i < 8; i++) {
            Authenticator.create(IAM, unique("key" + i)).enableFor(IAM, user);
        }
        Authenticator ninth = Authenticator.create(IAM, unique("key9"));

        LimitExceededException e = assertThrows(LimitExceededException.class, () -> ninth.enableFor(IAM, user));

        assertTrue(e.awsErrorDetails().errorMessage().contains("MFADevicesPerUser"));
        assertEquals(8, IAM.listMFADevices(b -> b.userName(user)).mfaDevices().size());
    }

    @Test
    void unknownSerialNumbersAndUsersAreNoSuchEntity() {
        String user = givenUser("vic");
        String unknown = "arn:aws:iam::123456789012:mfa/" + unique("none");

        assertThrows(NoSuchEntityException.class, () -> IAM.enableMFADevice(b -> b.userName(user).serialNumber(unknown)
                .authenticationCode1("123456").authenticationCode2("654321")));
        assertThrows(NoSuchEntityException.class, () -> IAM.deactivateMFADevice(b -> b.userName(user).serialNumber(unknown)));
        assertThrows(NoSuchEntityException.class, () -> IAM.listMFADevices(b -> b.userName(unique("nobody"))));
    }

    @Test
    void listMfaDevicesWithoutANameListsTheCallersDevices() {
        assertTrue(IAM.listMFADevices().mfaDevices().isEmpty());
    }
}
