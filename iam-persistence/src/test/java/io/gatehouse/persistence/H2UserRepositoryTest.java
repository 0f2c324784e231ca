package io.gatehouse.persistence;

class H2UserRepositoryTest extends UserRepositoryContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
