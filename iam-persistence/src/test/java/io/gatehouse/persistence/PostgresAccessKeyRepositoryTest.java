package io.gatehouse.persistence;

class PostgresAccessKeyRepositoryTest extends AccessKeyRepositoryContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
