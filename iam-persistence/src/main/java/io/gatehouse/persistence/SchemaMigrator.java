package io.gatehouse.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.ClassicConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Brings a database to the current schema with Flyway. Flyway owns the schema: Hibernate neither
 * creates nor validates it.
 *
 * <p>Migrations are read from the list in {@code db/migration/index.txt} rather than found by
 * scanning {@code classpath:db/migration}: inside Open Liberty the module's resources have
 * {@code wsjar:} URLs that Flyway's classpath scanner cannot list.
 */
public final class SchemaMigrator {

    /** Where the migrations live, relative to the class loader's root. */
    public static final String LOCATION = "db/migration";

    private SchemaMigrator() {
    }

    public static void migrate(DataSource dataSource) {
        migrate(dataSource, SchemaMigrator.class.getClassLoader());
    }

    static void migrate(DataSource dataSource, ClassLoader loader) {
        ClassicConfiguration configuration = new ClassicConfiguration(loader);
        configuration.setClassLoader(loader);
        configuration.setDataSource(dataSource);
        configuration.setLocationsAsStrings("classpath:" + LOCATION);
        configuration.setResourceProvider(MigrationIndex.load(loader, LOCATION));
        // No Java migrations; an explicit empty provider keeps Flyway from scanning for classes.
        configuration.setJavaMigrationClassProvider(List::<Class<? extends JavaMigration>>of);
        configuration.setPlaceholders(Map.of("name_collation", nameCollation(dataSource)));
        new Flyway(configuration).migrate();
    }

    /**
     * PostgreSQL orders text by the database's locale, H2 byte-wise: name keys get the "C" collation
     * on PostgreSQL so that listings (and their markers) have one order on every database.
     */
    private static String nameCollation(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            return product.toLowerCase(java.util.Locale.ROOT).contains("postgres") ? "collate \"C\"" : "";
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to migrate it", e);
        }
    }
}
