package io.gatehouse.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import org.hibernate.jpa.HibernatePersistenceProvider;

import javax.sql.DataSource;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** The repositories over one migrated database, each unit of work in its own transaction. */
final class Store implements AutoCloseable {

    private final EntityManagerFactory factory;

    Store(DataSource dataSource) {
        this.factory = new HibernatePersistenceProvider()
                .createContainerEntityManagerFactory(new TestPersistenceUnit(dataSource), Map.of());
    }

    /** The repositories of one entity manager, as the web module builds them per request. */
    record Repositories(EntityManager em, JpaAccountRepository accounts, JpaUserRepository users,
                        JpaGroupRepository groups, JpaAccessKeyRepository accessKeys, JpaAuditLog audit,
                        JpaPasswordPolicyRepository passwordPolicies, JpaLoginProfileRepository loginProfiles,
                        JpaMfaDeviceRepository mfaDevices, JpaSigningCertificateRepository signingCertificates,
                        JpaRoleRepository roles, JpaInstanceProfileRepository instanceProfiles,
                        JpaAccountAliasRepository aliases, JpaOrganizationRepository organizations,
                        JpaSigningKeyRepository signingKeys, JpaCredentialReportRepository credentialReports,
                        JpaSamlProviderRepository samlProviders, JpaOpenIdConnectProviderRepository oidcProviders) {
        static Repositories over(EntityManager em) {
            return new Repositories(em, new JpaAccountRepository(em), new JpaUserRepository(em),
                    new JpaGroupRepository(em), new JpaAccessKeyRepository(em), new JpaAuditLog(em),
                    new JpaPasswordPolicyRepository(em), new JpaLoginProfileRepository(em),
                    new JpaMfaDeviceRepository(em), new JpaSigningCertificateRepository(em),
                    new JpaRoleRepository(em), new JpaInstanceProfileRepository(em), new JpaAccountAliasRepository(em),
                    new JpaOrganizationRepository(em), new JpaSigningKeyRepository(em),
                    new JpaCredentialReportRepository(em), new JpaSamlProviderRepository(em),
                    new JpaOpenIdConnectProviderRepository(em));
        }
    }

    /** Runs {@code work} in a transaction that commits when it returns and rolls back when it throws. */
    <T> T inTransaction(Function<Repositories, T> work) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction transaction = em.getTransaction();
        try {
            transaction.begin();
            T result = work.apply(Repositories.over(em));
            transaction.commit();
            return result;
        } finally {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            em.close();
        }
    }

    void run(Consumer<Repositories> work) {
        inTransaction(repositories -> {
            work.accept(repositories);
            return null;
        });
    }

    EntityManager entityManager() {
        return factory.createEntityManager();
    }

    @Override
    public void close() {
        factory.close();
    }
}
