package io.gatehouse.persistence;

class PostgresUserRepositoryTest extends UserRepositoryContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
