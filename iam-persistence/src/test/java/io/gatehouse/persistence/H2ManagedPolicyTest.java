package io.gatehouse.persistence;

class H2ManagedPolicyTest extends ManagedPolicyContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
