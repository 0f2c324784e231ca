package io.gatehouse.persistence;

class H2LoginProfileRepositoryTest extends LoginProfileRepositoryContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
