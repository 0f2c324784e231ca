package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.SealedSecret;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.identity.VirtualMfaDevice;
import io.gatehouse.core.port.MfaDeviceRepository.Assignment;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

abstract class MfaDeviceRepositoryContract extends RepositoryContract {

    private static final byte[] SEALED = {9, 8, 7, 0, (byte) 0xff, 1};

    private static VirtualMfaDevice device(AccountId account, String name, String path, Tag... tags) {
        return new VirtualMfaDevice(account, name, path, new SealedSecret("master-1", SEALED), T0, Optional.empty(),
                Optional.empty(), Long.MIN_VALUE, List.of(tags));
    }

    private VirtualMfaDevice givenDevice(AccountId account, String name) {
        VirtualMfaDevice device = device(account, name, "/");
        store.run(r -> r.mfaDevices().create(device));
        return device;
    }

    @Test
    void findsACreatedDeviceBySerialNumberWithSealedSeedAndTags() {
        AccountId account = givenAccount();
        VirtualMfaDevice device = device(account, "phone", "/team/", new Tag("owner", "alice"));

        store.run(r -> r.mfaDevices().create(device));

        VirtualMfaDevice found = store.inTransaction(r -> r.mfaDevices().find(account, device.serialNumber())).orElseThrow();
        assertEquals("arn:aws:iam::" + account.value() + ":mfa/team/phone", found.serialNumber());
        assertArrayEquals(SEALED, found.sealedSeed().ciphertext());
        assertEquals(List.of(new Tag("owner", "alice")), found.tags());
        assertEquals(Long.MIN_VALUE, found.lastUsedStep());
        assertEquals(Optional.empty(), store.inTransaction(r -> r.mfaDevices().find(givenAccount(), device.serialNumber())));
    }

    @Test
    void namesAreUniquePerAccountRegardlessOfCase() {
        AccountId account = givenAccount();
        givenDevice(account, "phone");

        assertIamError(ErrorCode.ENTITY_ALREADY_EXISTS,
                () -> store.run(r -> r.mfaDevices().create(device(account, "PHONE", "/other/"))));
    }

    @Test
    void enablingAssignsTheDeviceAndRemembersTheStep() {
        AccountId account = givenAccount();
        User alice = givenUser(account, "alice");
        VirtualMfaDevice device = givenDevice(account, "phone");

        store.run(r -> r.mfaDevices().update(device.enabledFor(alice.userId(), at(5), 42)));

        VirtualMfaDevice found = store.inTransaction(r -> r.mfaDevices().find(account, device.serialNumber())).orElseThrow();
        assertEquals(Optional.of(alice.userId()), found.userId());
        assertEquals(Optional.of(at(5)), found.enableDate());
        assertEquals(42, found.lastUsedStep());
        assertEquals(1, count(r -> r.mfaDevices().countForUser(account, alice.userId())));
        assertIamError(ErrorCode.DELETE_CONFLICT, () -> store.run(r -> r.users().delete(alice)));
    }

    @Test
    void listsByAssignmentInSerialOrder() {
        AccountId account = givenAccount();
        User alice = givenUser(account, "alice");
        VirtualMfaDevice b = givenDevice(account, "b");
        VirtualMfaDevice a = givenDevice(account, "a");
        VirtualMfaDevice c = givenDevice(account, "c");
        store.run(r -> r.mfaDevices().update(b.enabledFor(alice.userId(), T0, 1)));

        assertEquals(List.of(a.serialNumber(), b.serialNumber(), c.serialNumber()), serials(Assignment.Any, account));
        assertEquals(List.of(b.serialNumber()), serials(Assignment.Assigned, account));
        assertEquals(List.of(a.serialNumber(), c.serialNumber()), serials(Assignment.Unassigned, account));
        assertEquals(List.of(b.serialNumber()), store.inTransaction(r -> r.mfaDevices()
                .listForUser(account, alice.userId(), PageRequest.first(10))).items().stream()
                .map(VirtualMfaDevice::serialNumber).toList());
    }

    @Test
    void pagesWithMarkers() {
        AccountId account = givenAccount();
        VirtualMfaDevice a = givenDevice(account, "a");
        VirtualMfaDevice b = givenDevice(account, "b");
        VirtualMfaDevice c = givenDevice(account, "c");

        Page<VirtualMfaDevice> first = store.inTransaction(r -> r.mfaDevices().list(account, Assignment.Any, PageRequest.first(2)));
        Page<VirtualMfaDevice> second = store.inTransaction(r -> r.mfaDevices().list(account, Assignment.Any,
                new PageRequest(first.nextMarker(), 2)));

        assertEquals(List.of(a.serialNumber(), b.serialNumber()), first.items().stream().map(VirtualMfaDevice::serialNumber).toList());
        assertEquals(List.of(c.serialNumber()), second.items().stream().map(VirtualMfaDevice::serialNumber).toList());
        assertEquals(Optional.empty(), second.nextMarker());
    }

    @Test
    void deactivatingAndDeletingRemoveTheDevice() {
        AccountId account = givenAccount();
        User alice = givenUser(account, "alice");
        VirtualMfaDevice device = givenDevice(account, "phone");
        VirtualMfaDevice enabled = device.enabledFor(alice.userId(), T0, 7);
        store.run(r -> r.mfaDevices().update(enabled));

        store.run(r -> r.mfaDevices().update(enabled.deactivated()));
        store.run(r -> r.mfaDevices().delete(device));

        assertEquals(Optional.empty(), store.inTransaction(r -> r.mfaDevices().find(account, device.serialNumber())));
        assertIamError(ErrorCode.NO_SUCH_ENTITY, () -> store.run(r -> r.mfaDevices().delete(device)));
        store.run(r -> r.users().delete(alice));
    }

    private List<String> serials(Assignment assignment, AccountId account) {
        return store.inTransaction(r -> r.mfaDevices().list(account, assignment, PageRequest.first(100))).items()
                .stream().map(VirtualMfaDevice::serialNumber).toList();
    }
}
