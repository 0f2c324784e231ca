package io.gatehouse.persistence;

class H2DirectoryTest extends DirectoryContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
