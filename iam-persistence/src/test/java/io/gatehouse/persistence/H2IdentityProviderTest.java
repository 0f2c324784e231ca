package io.gatehouse.persistence;

class H2IdentityProviderTest extends IdentityProviderContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
