package io.gatehouse.persistence;

class H2OrganizationTest extends OrganizationContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
