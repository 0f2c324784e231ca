package io.gatehouse.persistence;

class H2InlinePolicyTest extends InlinePolicyContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
