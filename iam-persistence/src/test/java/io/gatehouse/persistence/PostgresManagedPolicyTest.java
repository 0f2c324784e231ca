package io.gatehouse.persistence;

class PostgresManagedPolicyTest extends ManagedPolicyContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
