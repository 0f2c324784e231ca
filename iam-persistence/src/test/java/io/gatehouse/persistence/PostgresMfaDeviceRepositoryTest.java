package io.gatehouse.persistence;

class PostgresMfaDeviceRepositoryTest extends MfaDeviceRepositoryContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
