package io.gatehouse.core.identity;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.credential.SealedSecret;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A virtual MFA device of an account: a TOTP seed (kept sealed, the HMAC needs it back), assigned
 * to at most one user once enabled. {@code lastUsedStep} is the TOTP time step of the last code
 * accepted, so no code is accepted twice.
 */
public record VirtualMfaDevice(AccountId account, String name, String path, SealedSecret sealedSeed,
                               Instant createDate, Optional<String> userId, Optional<Instant> enableDate,
                               long lastUsedStep, List<Tag> tags) {

    public VirtualMfaDevice {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sealedSeed, "sealedSeed");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(enableDate, "enableDate");
        tags = List.copyOf(tags);
    }

    /** AWS's serial number of a virtual device: its ARN, {@code arn:aws:iam::<account>:mfa/<path><name>}. */
    public static String serialNumber(AccountId account, String path, String name) {
        return Arn.iam(account, "mfa", path, name).toString();
    }

    public String serialNumber() {
        return serialNumber(account, path, name);
    }

    public boolean isAssigned() {
        return userId.isPresent();
    }

    public VirtualMfaDevice enabledFor(String user, Instant at, long step) {
        return new VirtualMfaDevice(account, name, path, sealedSeed, createDate, Optional.of(user), Optional.of(at),
                step, tags);
    }

    public VirtualMfaDevice withLastUsedStep(long step) {
        return new VirtualMfaDevice(account, name, path, sealedSeed, createDate, userId, enableDate, step, tags);
    }

    public VirtualMfaDevice deactivated() {
        return new VirtualMfaDevice(account, name, path, sealedSeed, createDate, Optional.empty(), Optional.empty(),
                lastUsedStep, tags);
    }
}
