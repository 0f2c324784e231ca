package io.gatehouse.persistence;

class H2OptimisticLockingTest extends OptimisticLockingContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
