package io.gatehouse.persistence;

class H2InstanceProfileRepositoryTest extends InstanceProfileRepositoryContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
