package io.gatehouse.core.port;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.VirtualMfaDevice;

import java.util.List;
import java.util.Optional;

/** Virtual MFA devices of an account, by serial number; names unique per account case-insensitively. */
public interface MfaDeviceRepository {

    /** Which devices a listing shows (ListVirtualMFADevices' AssignmentStatus). */
    enum Assignment { Assigned, Unassigned, Any }

    Optional<VirtualMfaDevice> find(AccountId account, String serialNumber);

    /** @throws io.gatehouse.core.error.IamException EntityAlreadyExists when the name is taken */
    void create(VirtualMfaDevice device);

    /** Saves assignment, enable date and last used step. */
    void update(VirtualMfaDevice device);

    void delete(VirtualMfaDevice device);

    /** Devices ordered by serial number. */
    Page<VirtualMfaDevice> list(AccountId account, Assignment assignment, PageRequest page);

    /** The devices enabled for a user, ordered by serial number. */
    Page<VirtualMfaDevice> listForUser(AccountId account, String userId, PageRequest page);

    long countForUser(AccountId account, String userId);
}
