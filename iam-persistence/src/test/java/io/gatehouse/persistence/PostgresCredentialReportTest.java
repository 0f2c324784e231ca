package io.gatehouse.persistence;

class PostgresCredentialReportTest extends CredentialReportContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
