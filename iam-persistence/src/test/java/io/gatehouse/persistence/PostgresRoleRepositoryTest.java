package io.gatehouse.persistence;

class PostgresRoleRepositoryTest extends RoleRepositoryContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
