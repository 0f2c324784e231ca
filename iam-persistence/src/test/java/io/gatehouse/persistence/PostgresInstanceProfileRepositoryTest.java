package io.gatehouse.persistence;

class PostgresInstanceProfileRepositoryTest extends InstanceProfileRepositoryContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
