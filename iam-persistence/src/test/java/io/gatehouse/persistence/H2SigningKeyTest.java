package io.gatehouse.persistence;

class H2SigningKeyTest extends SigningKeyContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
