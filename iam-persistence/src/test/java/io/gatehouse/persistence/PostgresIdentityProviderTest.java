package io.gatehouse.persistence;

class PostgresIdentityProviderTest extends IdentityProviderContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
