package io.gatehouse.persistence;

class H2AccessKeyRepositoryTest extends AccessKeyRepositoryContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
