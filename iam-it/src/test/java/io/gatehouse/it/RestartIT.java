package io.gatehouse.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server with no bootstrap configuration on the default embedded H2: the first start prints
 * generated credentials that work, data survives a restart, and the second start prints no secret.
 */
class RestartIT {

    private static final StandaloneServer SERVER =
            new StandaloneServer(StandaloneServer.named("restart"), Integer.getInteger("gatehouse.it.restart.port", 9181));

    @BeforeAll
    static void install() throws Exception {
        SERVER.install(Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        SERVER.stop();
    }

    @Test
    void dataWrittenBeforeARestartIsThereAfterItAndSecretsArePrintedOnce() throws Exception {
        SERVER.start();
        String firstConsole = SERVER.console();
        String keyId = find(firstConsole, "AWS_ACCESS_KEY_ID=(AKIA[A-Z2-7]{16})");
        String secret = find(firstConsole, "AWS_SECRET_ACCESS_KEY=(\\S{40})");
        String rootPassword = find(firstConsole, "Root user password:\\s+(\\S+)");
        String user = "survivor-" + Instant.now().toEpochMilli();

        try (IamClient iam = SERVER.client(keyId, secret)) {
            iam.createUser(b -> b.userName(user));
        }
        SERVER.stop();
        assertAudited("CreateUser", user);
        SERVER.start();

        try (IamClient iam = SERVER.client(keyId, secret)) {
            assertEquals(user, iam.getUser(b -> b.userName(user)).user().userName());
        }
        String secondConsole = SERVER.console();
        assertFalse(secondConsole.contains(secret), "the admin secret was printed again");
        assertFalse(secondConsole.contains(rootPassword), "the root password was printed again");
        assertFalse(SERVER.messages().contains(secret), "the admin secret reached messages.log");
        assertFalse(secondConsole.contains("ERROR"), secondConsole);
    }

    /**
     * Reads the audit trail straight from the stopped server's H2 file: the change and its event
     * were written together, with the caller and the parameters.
     */
    private static void assertAudited(String action, String userName) throws SQLException {
        String url = "jdbc:h2:" + SERVER.dir().resolve("data/gatehouse") + ";ACCESS_MODE_DATA=r";
        try (Connection db = DriverManager.getConnection(url, "gatehouse", "");
             PreparedStatement query = db.prepareStatement(
                     "select principal_arn, source_ip, parameters from audit_events where action = ? and parameters like ?")) {
            query.setString(1, action);
            query.setString(2, "%" + userName + "%");
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "no audit event for " + action + " of " + userName);
                assertTrue(row.getString("principal_arn").endsWith(":user/admin"), row.getString("principal_arn"));
                assertFalse(row.getString("source_ip").isBlank());
                assertTrue(row.getString("parameters").contains("UserName"), row.getString("parameters"));
            }
        }
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertTrue(matcher.find(), "the first start did not print " + regex + ":\n" + text);
        return matcher.group(1);
    }
}
