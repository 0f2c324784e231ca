package io.gatehouse.persistence;

class H2RoleRepositoryTest extends RoleRepositoryContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
