package io.gatehouse.persistence;

class H2GroupMembershipTest extends GroupMembershipContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
