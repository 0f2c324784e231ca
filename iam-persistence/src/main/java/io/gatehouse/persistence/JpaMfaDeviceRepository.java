package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.VirtualMfaDevice;
import io.gatehouse.core.port.MfaDeviceRepository;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Virtual MFA devices in {@code mfa_devices} (tags in {@code mfa_device_tags}), listed in serial
 * number order with {@link Listing}'s markers. Runs in the caller's transaction.
 */
public final class JpaMfaDeviceRepository implements MfaDeviceRepository {

    private final EntityManager em;

    public JpaMfaDeviceRepository(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    @Override
    public Optional<VirtualMfaDevice> find(AccountId account, String serialNumber) {
        return Optional.ofNullable(em.find(MfaDeviceEntity.class, serialNumber))
                .map(MfaDeviceEntity::toDevice)
                .filter(device -> device.account().equals(account));
    }

    @Override
    public void create(VirtualMfaDevice device) {
        em.persist(new MfaDeviceEntity(device));
        Flushes.flush(em, () -> IamException.alreadyExists("MFADevice entity at the same path and name already exists."));
    }

    @Override
    public void update(VirtualMfaDevice device) {
        entity(device).apply(device);
        Flushes.flush(em, null);
    }

    @Override
    public void delete(VirtualMfaDevice device) {
        em.remove(entity(device));
        Flushes.flush(em, null);
    }

    @Override
    public Page<VirtualMfaDevice> list(AccountId account, Assignment assignment, PageRequest page) {
        String assigned = switch (assignment) {
            case Assigned -> " and d.userId is not null";
            case Unassigned -> " and d.userId is null";
            case Any -> "";
        };
        TypedQuery<MfaDeviceEntity> query = em.createQuery("select d from MfaDeviceEntity d"
                        + " where d.accountId = :account and d.serialNumber > :after" + assigned
                        + " order by d.serialNumber", MfaDeviceEntity.class)
                .setParameter("account", account.value());
        return page(query, page);
    }

    @Override
    public Page<VirtualMfaDevice> listForUser(AccountId account, String userId, PageRequest page) {
        TypedQuery<MfaDeviceEntity> query = em.createQuery("""
                        select d from MfaDeviceEntity d
                        where d.accountId = :account and d.userId = :user and d.serialNumber > :after
                        order by d.serialNumber""", MfaDeviceEntity.class)
                .setParameter("account", account.value())
                .setParameter("user", userId);
        return page(query, page);
    }

    @Override
    public long countForUser(AccountId account, String userId) {
        return em.createQuery("select count(d) from MfaDeviceEntity d where d.accountId = :account and d.userId = :user",
                        Long.class)
                .setParameter("account", account.value())
                .setParameter("user", userId)
                .getSingleResult();
    }

    private static Page<VirtualMfaDevice> page(TypedQuery<MfaDeviceEntity> query, PageRequest page) {
        List<MfaDeviceEntity> rows = query.setParameter("after", Listing.after(page))
                .setMaxResults(Listing.fetchSize(page))
                .getResultList();
        return Listing.page(rows, page, MfaDeviceEntity::serialNumber, MfaDeviceEntity::toDevice);
    }

    private MfaDeviceEntity entity(VirtualMfaDevice device) {
        MfaDeviceEntity entity = em.find(MfaDeviceEntity.class, device.serialNumber());
        if (entity == null) {
            throw IamException.noSuchEntity("VirtualMFADevice with serial number " + device.serialNumber()
                    + " doesn't exist.");
        }
        return entity;
    }
}
