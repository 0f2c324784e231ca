package io.gatehouse.persistence;

class H2AccountAndAuditTest extends AccountAndAuditContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
