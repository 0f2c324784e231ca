package io.gatehouse.persistence;

class PostgresSigningCertificateRepositoryTest extends SigningCertificateRepositoryContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
