package io.gatehouse.persistence;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SchemaMigratorTest {

    @Test
    void indexListsEveryMigrationInTheDirectoryInVersionOrder() throws IOException, URISyntaxException {
        URL index = getClass().getClassLoader().getResource(SchemaMigrator.LOCATION + "/" + MigrationIndex.INDEX_FILE);
        Path directory = Path.of(index.toURI()).getParent();
        List<String> onDisk;
        try (Stream<Path> files = Files.list(directory)) {
            onDisk = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b)))
                    .toList();
        }

        assertEquals(onDisk, MigrationIndex.fileNames(getClass().getClassLoader(), SchemaMigrator.LOCATION));
    }

    @Test
    void migratesWithoutListingTheMigrationDirectory() throws SQLException {
        try (TestDatabase database = TestDatabase.h2()) {
            // As inside Liberty (wsjar: URLs): single resources load, directories cannot be listed.
            SchemaMigrator.migrate(database.dataSource(), new DirectoryBlindClassLoader(getClass().getClassLoader()));

            assertEquals(listedVersions(), appliedVersions(database.dataSource()));
        }
    }

    @Test
    void secondMigrationChangesNothing() throws SQLException {
        try (TestDatabase database = TestDatabase.h2()) {
            SchemaMigrator.migrate(database.dataSource());
            SchemaMigrator.migrate(database.dataSource());

            assertEquals(listedVersions(), appliedVersions(database.dataSource()));
        }
    }

    /** Every migration of the index, by version: "V10__x.sql" is "10". */
    private List<String> listedVersions() {
        return MigrationIndex.fileNames(getClass().getClassLoader(), SchemaMigrator.LOCATION).stream()
                .map(name -> name.substring(1, name.indexOf("__")))
                .toList();
    }

    private static List<String> appliedVersions(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery(
                     "select \"version\" from \"flyway_schema_history\" where \"success\" and \"version\" is not null order by \"installed_rank\"")) {
            List<String> versions = new java.util.ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
            return versions;
        }
    }


    private static int version(String fileName) {
        return Integer.parseInt(fileName.substring(1, fileName.indexOf("__")));
    }

    /** Hides every listing of the migration folder, so only a scan-free loader can find migrations. */
    private static final class DirectoryBlindClassLoader extends ClassLoader {
        DirectoryBlindClassLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        public URL getResource(String name) {
            return isMigrationFolder(name) ? null : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.startsWith(SchemaMigrator.LOCATION) ? Collections.emptyEnumeration() : super.getResources(name);
        }

        private static boolean isMigrationFolder(String name) {
            String folder = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
            return folder.equals(SchemaMigrator.LOCATION) || folder.equals("db");
        }
    }
}
