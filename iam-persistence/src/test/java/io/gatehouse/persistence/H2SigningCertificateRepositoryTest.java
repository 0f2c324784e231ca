package io.gatehouse.persistence;

class H2SigningCertificateRepositoryTest extends SigningCertificateRepositoryContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
