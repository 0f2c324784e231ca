package io.gatehouse.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A second, separately installed server with no bootstrap configuration: the first start prints
 * generated credentials that work, data survives a restart (H2 file mode), and the second start
 * prints no secret.
 */
class RestartIT {

    private static final String SERVER = "gatehouse-restart";
    private static final Path WLP = Path.of(System.getProperty("gatehouse.it.wlp.home"));
    private static final Path SERVER_DIR = WLP.resolve("usr/servers/" + SERVER);
    private static final int PORT = Integer.getInteger("gatehouse.it.restart.port", 9181);

    @BeforeAll
    static void installServer() throws IOException {
        if (Files.exists(SERVER_DIR)) {
            try (Stream<Path> files = Files.walk(SERVER_DIR)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(SERVER_DIR.resolve("apps"));
        Files.copy(Path.of(System.getProperty("gatehouse.it.ear")), SERVER_DIR.resolve("apps/iam-ear.ear"));
        Files.writeString(SERVER_DIR.resolve("server.xml"), """
                <server>
                  <include location="%s"/>
                  <enterpriseApplication id="gatehouse" name="gatehouse" location="iam-ear.ear"/>
                </server>
                """.formatted(System.getProperty("gatehouse.it.main.config")));
        Files.writeString(SERVER_DIR.resolve("server.env"), "GATEHOUSE_HTTP_PORT=" + PORT + "\n");
    }

    @AfterAll
    static void stopServer() throws IOException, InterruptedException {
        server("stop");
    }

    @Test
    void dataWrittenBeforeARestartIsThereAfterItAndSecretsArePrintedOnce() throws Exception {
        server("start");
        awaitReady();
        String firstConsole = console();
        String keyId = find(firstConsole, "AWS_ACCESS_KEY_ID=(AKIA[A-Z2-7]{16})");
        String secret = find(firstConsole, "AWS_SECRET_ACCESS_KEY=(\\S{40})");
        String rootPassword = find(firstConsole, "Root user password:\\s+(\\S+)");
        String user = "survivor-" + Instant.now().toEpochMilli();

        try (IamClient iam = client(keyId, secret)) {
            iam.createUser(b -> b.userName(user));
        }
        server("stop");
        assertAudited("CreateUser", user);
        server("start");
        awaitReady();

        try (IamClient iam = client(keyId, secret)) {
            assertEquals(user, iam.getUser(b -> b.userName(user)).user().userName());
        }
        String secondConsole = console();
        assertFalse(secondConsole.contains(secret), "the admin secret was printed again");
        assertFalse(secondConsole.contains(rootPassword), "the root password was printed again");
        assertFalse(Files.readString(SERVER_DIR.resolve("logs/messages.log")).contains(secret),
                "the admin secret reached messages.log");
    }

    /**
     * Reads the audit trail straight from the stopped server's H2 file: the change and its event
     * were written together, with the caller and the parameters.
     */
    private static void assertAudited(String action, String userName) throws SQLException {
        String url = "jdbc:h2:" + SERVER_DIR.resolve("data/gatehouse") + ";ACCESS_MODE_DATA=r";
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

    private static IamClient client(String keyId, String secret) {
        return IamClient.builder()
                .endpointOverride(URI.create("http://localhost:" + PORT))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertTrue(matcher.find(), "the first start did not print " + regex + ":\n" + text);
        return matcher.group(1);
    }

    private static String console() throws IOException {
        return Files.readString(SERVER_DIR.resolve("logs/console.log"), StandardCharsets.UTF_8);
    }

    private static void server(String command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(WLP.resolve("bin/server").toString(), command, SERVER)
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("GATEHOUSE_"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("server " + command + " did not finish");
        }
        if (process.exitValue() != 0 && !(command.equals("stop") && process.exitValue() == 1)) {
            fail("server " + command + " failed (" + process.exitValue() + "): " + output);
        }
    }

    private static void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/health/ready")).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the server is still starting
            }
            Thread.sleep(1000);
        }
        fail("the server did not become ready on port " + PORT);
    }
}
