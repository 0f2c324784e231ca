package io.gatehouse.it;

import io.gatehouse.core.totp.Base32;
import io.gatehouse.core.totp.Totp;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

import java.time.Clock;

/** An authenticator app holding one virtual device's seed, as returned by CreateVirtualMFADevice. */
record Authenticator(String serialNumber, byte[] seed) {

    static Authenticator create(IamClient iam, String deviceName) {
        VirtualMFADevice device = iam.createVirtualMFADevice(b -> b.virtualMFADeviceName(deviceName)).virtualMFADevice();
        return new Authenticator(device.serialNumber(), Base32.decode(device.base32StringSeed().asUtf8String()));
    }

    static long currentStep() {
        return new Totp(Clock.systemUTC()).currentStep();
    }

    String code(long step) {
        return Totp.code(seed, step);
    }

    /** Enables the device for the user with the codes of the current step and the next (valid across a step change). */
    long enableFor(IamClient iam, String userName) {
        long step = currentStep();
        iam.enableMFADevice(b -> b.userName(userName).serialNumber(serialNumber)
                .authenticationCode1(code(step)).authenticationCode2(code(step + 1)));
        return step;
    }

    /**
     * Enables the device with the codes of the previous and the current step, so the next step's
     * code is unused and already acceptable (one step of drift is allowed): for sign-ins right after.
     */
    long enableWithPastCodes(IamClient iam, String userName) {
        long step = currentStep();
        iam.enableMFADevice(b -> b.userName(userName).serialNumber(serialNumber)
                .authenticationCode1(code(step - 1)).authenticationCode2(code(step)));
        return step;
    }
}
