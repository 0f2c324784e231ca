package io.gatehouse.persistence;

class H2LoginProviderTest extends LoginProviderContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
