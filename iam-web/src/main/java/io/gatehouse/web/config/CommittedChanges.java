package io.gatehouse.web.config;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.service.AccountChanges;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Tells this node's recent reads ({@link AccountChanges}) that an account changed, once the
 * transaction that changes it has ended: marking it earlier would let a read of the old rows,
 * still visible until the commit, be kept as if it were current.
 */
@ApplicationScoped
public class CommittedChanges {

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    AccountChanges changes;

    /** Called inside the transaction that changes {@code account}. */
    public void changing(AccountId account) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                changes.changed(account);
            }
        });
    }
}
