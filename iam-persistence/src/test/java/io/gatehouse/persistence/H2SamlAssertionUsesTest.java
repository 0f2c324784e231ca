package io.gatehouse.persistence;

class H2SamlAssertionUsesTest extends SamlAssertionUsesContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
