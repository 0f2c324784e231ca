package io.gatehouse.persistence;

class PostgresDirectoryTest extends DirectoryContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
