package io.gatehouse.persistence;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/** An empty database for one test class: a fresh in-memory H2, or a fresh schema on PostgreSQL. */
interface TestDatabase extends AutoCloseable {

    String POSTGRES_URL = "GATEHOUSE_TEST_POSTGRES_URL";
    String POSTGRES_USER = "GATEHOUSE_TEST_POSTGRES_USER";
    String POSTGRES_PASSWORD = "GATEHOUSE_TEST_POSTGRES_PASSWORD";

    DataSource dataSource();

    @Override
    void close();

    static TestDatabase h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:gatehouse-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return new TestDatabase() {
            @Override
            public DataSource dataSource() {
                return dataSource;
            }

            @Override
            public void close() {
                execute(dataSource, "shutdown");
            }
        };
    }

    /**
     * PostgreSQL from GATEHOUSE_TEST_POSTGRES_URL/_USER/_PASSWORD. Without them the tests are skipped,
     * except on CI (CI set), where PostgreSQL is required and its absence fails the build.
     */
    static TestDatabase postgres() {
        String url = System.getenv(POSTGRES_URL);
        if (url == null || url.isBlank()) {
            String how = POSTGRES_URL + ", " + POSTGRES_USER + " and " + POSTGRES_PASSWORD
                    + " are not set; run eval \"$(scripts/start-test-postgres.sh)\" to start a local PostgreSQL "
                    + "and set them";
            if (System.getenv("CI") != null) {
                Assertions.fail("CI requires the PostgreSQL tests: " + how);
            }
            Assumptions.abort("PostgreSQL tests skipped: " + how);
        }
        String schema = "gatehouse_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(url);
        admin.setUser(System.getenv().getOrDefault(POSTGRES_USER, "postgres"));
        admin.setPassword(System.getenv().getOrDefault(POSTGRES_PASSWORD, ""));
        execute(admin, "create schema " + schema);

        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(admin.getUser());
        dataSource.setPassword(admin.getPassword());
        dataSource.setCurrentSchema(schema);
        return new TestDatabase() {
            @Override
            public DataSource dataSource() {
                return dataSource;
            }

            @Override
            public void close() {
                execute(admin, "drop schema " + schema + " cascade");
            }
        };
    }

    private static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
