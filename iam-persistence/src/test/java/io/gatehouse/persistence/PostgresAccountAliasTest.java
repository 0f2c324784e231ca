package io.gatehouse.persistence;

class PostgresAccountAliasTest extends AccountAliasContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
