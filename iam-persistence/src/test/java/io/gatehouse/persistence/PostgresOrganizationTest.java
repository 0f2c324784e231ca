package io.gatehouse.persistence;

class PostgresOrganizationTest extends OrganizationContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
