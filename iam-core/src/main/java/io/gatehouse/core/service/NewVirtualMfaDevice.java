package io.gatehouse.core.service;

import io.gatehouse.core.identity.VirtualMfaDevice;

import java.util.Objects;

/**
 * A virtual MFA device just created, with its seed in clear (base32) and the enrolment QR code:
 * the only moment the seed leaves the server.
 */
public record NewVirtualMfaDevice(VirtualMfaDevice device, String base32StringSeed, byte[] qrCodePng) {
    public NewVirtualMfaDevice {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(base32StringSeed, "base32StringSeed");
        Objects.requireNonNull(qrCodePng, "qrCodePng");
    }

    @Override
    public String toString() {
        return "NewVirtualMfaDevice[" + device.serialNumber() + "]";
    }
}
