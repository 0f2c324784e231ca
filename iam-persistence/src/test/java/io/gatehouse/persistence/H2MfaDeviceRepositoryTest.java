package io.gatehouse.persistence;

class H2MfaDeviceRepositoryTest extends MfaDeviceRepositoryContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
