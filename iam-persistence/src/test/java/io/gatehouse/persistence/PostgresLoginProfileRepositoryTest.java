package io.gatehouse.persistence;

class PostgresLoginProfileRepositoryTest extends LoginProfileRepositoryContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
