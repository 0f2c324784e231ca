package io.gatehouse.persistence;

class PostgresOptimisticLockingTest extends OptimisticLockingContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
