package io.gatehouse.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL selected by configuration alone: the same EAR and server.xml, with GATEHOUSE_DB_URL
 * pointing at a real PostgreSQL; the schema is migrated there and the data lands there.
 */
class PostgresServerIT {

    private static final StandaloneServer SERVER =
            new StandaloneServer(StandaloneServer.named("postgres"), Integer.getInteger("gatehouse.it.postgres.port", 9182));
    private static final String ADMIN_KEY = "AKIAPOSTGRESITADMIN0";
    private static final String ADMIN_SECRET = "postgresItSecretForTheBootstrapAdmin0000";

    @AfterAll
    static void stop() throws Exception {
        SERVER.stop();
    }

    @Test
    void theServerRunsOnPostgresWhenTheDatabaseUrlSaysSo() throws Exception {
        String baseUrl = System.getenv("GATEHOUSE_TEST_POSTGRES_URL");
        ExternalTool.require(baseUrl != null, "PostgreSQL (GATEHOUSE_TEST_POSTGRES_URL; see scripts/start-test-postgres.sh)");
        String user = System.getenv().getOrDefault("GATEHOUSE_TEST_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("GATEHOUSE_TEST_POSTGRES_PASSWORD", "");
        String database = "gatehouse_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(baseUrl, user, password);
             Statement create = admin.createStatement()) {
            create.execute("create database " + database);
        }
        String url = baseUrl.substring(0, baseUrl.lastIndexOf('/') + 1) + database;

        SERVER.install(Map.of(
                "GATEHOUSE_DB_URL", url,
                "GATEHOUSE_DB_USER", user,
                "GATEHOUSE_DB_PASSWORD", password,
                "GATEHOUSE_BOOTSTRAP_ADMIN_ACCESS_KEY_ID", ADMIN_KEY,
                "GATEHOUSE_BOOTSTRAP_ADMIN_SECRET_ACCESS_KEY", ADMIN_SECRET));
        SERVER.start();
        String name = "pg-user-" + UUID.randomUUID().toString().substring(0, 8);
        try (IamClient iam = SERVER.client(ADMIN_KEY, ADMIN_SECRET)) {
            iam.createUser(b -> b.userName(name));
            assertEquals(name, iam.getUser(b -> b.userName(name)).user().userName());
        }

        try (Connection db = DriverManager.getConnection(url, user, password);
             PreparedStatement query = db.prepareStatement("select count(*) from iam_users where name = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                assertEquals(1, row.getInt(1), "the user was not written to PostgreSQL");
            }
        }
        assertFalse(Files.exists(SERVER.dir().resolve("data/gatehouse.mv.db")), "an embedded database was created too");
    }
}
