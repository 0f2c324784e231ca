package io.gatehouse.persistence;

class PostgresSigningKeyTest extends SigningKeyContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
