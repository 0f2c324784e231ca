package io.gatehouse.persistence;

class PostgresGroupMembershipTest extends GroupMembershipContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
