package io.gatehouse.persistence;

class PostgresAccountAndAuditTest extends AccountAndAuditContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
