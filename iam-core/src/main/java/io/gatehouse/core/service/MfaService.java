package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.CredentialGenerator;
import io.gatehouse.core.credential.SecretCipher;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.identity.VirtualMfaDevice;
import io.gatehouse.core.port.MfaDeviceRepository;
import io.gatehouse.core.port.MfaDeviceRepository.Assignment;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.port.UserRepository;
import io.gatehouse.core.totp.Base32;
import io.gatehouse.core.totp.EnrolmentQrCode;
import io.gatehouse.core.totp.Totp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Virtual MFA devices: creation (seed and QR code shown once), enabling for a user with two
 * consecutive codes, resynchronizing, deactivating, deleting and listing. A code is accepted at
 * most once per device: the device remembers the last time step it accepted.
 */
public final class MfaService {

    private final MfaDeviceRepository devices;
    private final UserRepository users;
    private final CredentialGenerator generator;
    private final SecretCipher cipher;
    private final Totp totp;
    private final Clock clock;

    public MfaService(MfaDeviceRepository devices, UserRepository users, CredentialGenerator generator,
                      SecretCipher cipher, Totp totp, Clock clock) {
        this.devices = devices;
        this.users = users;
        this.generator = generator;
        this.cipher = cipher;
        this.totp = totp;
        this.clock = clock;
    }

    public NewVirtualMfaDevice createVirtual(AccountId account, String name, Optional<String> path, List<Tag> tags) {
        Constraint.VIRTUAL_MFA_DEVICE_NAME.check("VirtualMFADeviceName", name);
        String devicePath = path.map(p -> Constraint.PATH.check("Path", p)).orElse("/");
        List<Tag> validTags = TagSet.validated(tags);
        String serial = VirtualMfaDevice.serialNumber(account, devicePath, name);
        Constraint.SERIAL_NUMBER.check("SerialNumber", serial);
        byte[] seed = generator.totpSeed();
        VirtualMfaDevice device = new VirtualMfaDevice(account, name, devicePath,
                cipher.seal(seed, associatedData(serial)), clock.instant(), Optional.empty(), Optional.empty(),
                Long.MIN_VALUE, validTags);
        devices.create(device);
        return new NewVirtualMfaDevice(device, Base32.encode(seed), EnrolmentQrCode.png(EnrolmentQrCode.uri(name, seed)));
    }

    public void enable(AccountId account, String userName, String serialNumber, String code1, String code2) {
        checkCodes(code1, code2);
        User user = user(account, userName);
        VirtualMfaDevice device = device(account, serialNumber);
        if (device.isAssigned()) {
            throw IamException.alreadyExists("MFA Device is already in use.");
        }
        if (devices.countForUser(account, user.userId()) >= Quotas.MFA_DEVICES_PER_USER) {
            throw IamException.limitExceeded("Cannot exceed quota for MFADevicesPerUser: " + Quotas.MFA_DEVICES_PER_USER);
        }
        long step = consecutive(device, code1, code2, Totp.WINDOW);
        devices.update(device.enabledFor(user.userId(), clock.instant(), step));
    }

    public void resync(AccountId account, String userName, String serialNumber, String code1, String code2) {
        checkCodes(code1, code2);
        VirtualMfaDevice device = assigned(account, user(account, userName), serialNumber);
        devices.update(device.withLastUsedStep(consecutive(device, code1, code2, Totp.RESYNC_WINDOW)));
    }

    public void deactivate(AccountId account, String userName, String serialNumber) {
        VirtualMfaDevice device = assigned(account, user(account, userName), serialNumber);
        devices.update(device.deactivated());
    }

    /** AWS refuses to delete a device still enabled for a user. */
    public void deleteVirtual(AccountId account, String serialNumber) {
        VirtualMfaDevice device = device(account, serialNumber);
        if (device.isAssigned()) {
            throw IamException.deleteConflict("MFA Device is still in use.");
        }
        devices.delete(device);
    }

    /** The devices of the named user, else of the calling user; the root user's are not kept here. */
    public Page<VirtualMfaDevice> listForUser(Caller caller, Optional<String> userName, PageRequest page) {
        page.marker().ifPresent(m -> Constraint.MARKER.check("Marker", m));
        if (userName.isEmpty()) {
            caller.requireUserCredentials();
        }
        Optional<User> user = userName.isPresent() ? Optional.of(user(caller.account(), userName.get())) : caller.user();
        return user.map(u -> devices.listForUser(caller.account(), u.userId(), page))
                .orElseGet(() -> new Page<>(List.of(), Optional.empty()));
    }

    public Page<VirtualMfaDevice> listVirtual(AccountId account, Assignment assignment, PageRequest page) {
        page.marker().ifPresent(m -> Constraint.MARKER.check("Marker", m));
        return devices.list(account, assignment, page);
    }

    /** The user a device is enabled for, to describe it in listings. */
    public Optional<User> assignee(VirtualMfaDevice device) {
        return device.userId().flatMap(users::findById);
    }

    /**
     * Checks a one-time code presented to STS (AssumeRole, GetSessionToken): the device must be
     * enabled for the calling user and the code valid and unused. AWS answers every failure alike.
     */
    public void authenticate(Caller caller, String serialNumber, String code) {
        Constraint.SERIAL_NUMBER.check("SerialNumber", serialNumber);
        Constraint.TOKEN_CODE.checkSecret("TokenCode", code);
        VirtualMfaDevice device = caller.user()
                .flatMap(user -> devices.find(caller.account(), serialNumber)
                        .filter(d -> d.userId().equals(Optional.of(user.userId()))))
                .orElseThrow(MfaService::mfaFailed);
        byte[] seed = cipher.open(device.sealedSeed(), associatedData(device.serialNumber()));
        OptionalLong step = totp.verify(seed, code, device.lastUsedStep());
        devices.update(device.withLastUsedStep(step.orElseThrow(MfaService::mfaFailed)));
    }

    private static IamException mfaFailed() {
        return IamException.accessDenied("MultiFactorAuthentication failed with invalid MFA one time pass code. ");
    }

    private long consecutive(VirtualMfaDevice device, String code1, String code2, int window) {
        byte[] seed = cipher.open(device.sealedSeed(), associatedData(device.serialNumber()));
        OptionalLong step = totp.verifyConsecutive(seed, code1, code2, device.lastUsedStep(), window);
        if (step.isEmpty()) {
            throw new IamException(ErrorCode.INVALID_AUTHENTICATION_CODE, "Authentication code for device is not valid.");
        }
        return step.getAsLong();
    }

    private static void checkCodes(String code1, String code2) {
        Constraint.AUTHENTICATION_CODE.checkSecret("AuthenticationCode1", code1);
        Constraint.AUTHENTICATION_CODE.checkSecret("AuthenticationCode2", code2);
    }

    private VirtualMfaDevice device(AccountId account, String serialNumber) {
        Constraint.SERIAL_NUMBER.check("SerialNumber", serialNumber);
        return devices.find(account, serialNumber).orElseThrow(() -> IamException.noSuchEntity(
                "VirtualMFADevice with serial number " + serialNumber + " doesn't exist."));
    }

    /** A device not enabled for this user is reported as missing, whoever it belongs to. */
    private VirtualMfaDevice assigned(AccountId account, User user, String serialNumber) {
        Constraint.SERIAL_NUMBER.check("SerialNumber", serialNumber);
        return devices.find(account, serialNumber)
                .filter(d -> d.userId().equals(Optional.of(user.userId())))
                .orElseThrow(() -> IamException.noSuchEntity("MFA Device with serial number " + serialNumber
                        + " is not enabled for user " + user.name() + "."));
    }

    private User user(AccountId account, String name) {
        Constraint.EXISTING_USER_NAME.check("UserName", name);
        return users.findByName(account, name).orElseThrow(() -> UserService.noSuchUser(name));
    }

    /** Binds the sealed seed to its device, so a sealed seed cannot be moved to another device row. */
    private static byte[] associatedData(String serialNumber) {
        return serialNumber.getBytes(StandardCharsets.UTF_8);
    }
}
