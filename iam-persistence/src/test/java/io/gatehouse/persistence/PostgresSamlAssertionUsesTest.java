package io.gatehouse.persistence;

class PostgresSamlAssertionUsesTest extends SamlAssertionUsesContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
