package io.gatehouse.persistence;

class H2AccountAliasTest extends AccountAliasContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
