package io.gatehouse.persistence;

class H2CredentialReportTest extends CredentialReportContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
