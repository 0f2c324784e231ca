package io.gatehouse.persistence;

class PostgresInlinePolicyTest extends InlinePolicyContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
