package io.gatehouse.persistence;

class PostgresLoginProviderTest extends LoginProviderContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
