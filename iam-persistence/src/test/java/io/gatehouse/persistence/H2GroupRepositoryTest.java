package io.gatehouse.persistence;

class H2GroupRepositoryTest extends GroupRepositoryContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
