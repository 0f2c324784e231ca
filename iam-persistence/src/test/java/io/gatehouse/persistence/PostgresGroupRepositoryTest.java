package io.gatehouse.persistence;

class PostgresGroupRepositoryTest extends GroupRepositoryContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
