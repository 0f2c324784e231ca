package io.gatehouse.it;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A Liberty server of its own, installed beside the Arquillian one from the same runtime and EAR,
 * started and stopped with Liberty's {@code server} command as an operator would.
 */
final class StandaloneServer {

    private static final Path WLP = Path.of(System.getProperty("gatehouse.it.wlp.home"));

    private final String name;
    private final int port;
    private final Path dir;

    StandaloneServer(String name, int port) {
        this.name = name;
        this.port = port;
        this.dir = WLP.resolve("usr/servers/" + name);
    }

    /** A fresh server directory: the product's server.xml, the EAR, and the given environment. */
    StandaloneServer install(Map<String, String> environment) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(dir.resolve("apps"));
        Files.copy(Path.of(System.getProperty("gatehouse.it.ear")), dir.resolve("apps/iam-ear.ear"));
        Files.writeString(dir.resolve("server.xml"), """
                <server>
                  <include location="%s"/>
                  <enterpriseApplication id="gatehouse" name="gatehouse" location="iam-ear.ear"/>
                </server>
                """.formatted(System.getProperty("gatehouse.it.main.config")));
        String env = Stream.concat(Stream.of(Map.entry("GATEHOUSE_HTTP_PORT", Integer.toString(port))),
                        environment.entrySet().stream())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(dir.resolve("server.env"), env);
        return this;
    }

    /**
     * A server name derived from the suite's own (-Dit.server.name): Liberty tooling finds servers
     * by name on the whole machine, so builds side by side must not share one. The purpose comes
     * first, so that the suite's name is never a prefix of another server's.
     */
    static String named(String purpose) {
        return purpose + "-" + System.getProperty("gatehouse.it.server.name", "gatehouse-it");
    }

    Path dir() {
        return dir;
    }

    URI endpoint() {
        return URI.create("http://localhost:" + port);
    }

    String console() throws IOException {
        return Files.readString(dir.resolve("logs/console.log"), StandardCharsets.UTF_8);
    }

    String messages() throws IOException {
        return Files.readString(dir.resolve("logs/messages.log"), StandardCharsets.UTF_8);
    }

    IamClient client(String keyId, String secret) {
        return IamClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    void start() throws IOException, InterruptedException {
        command("start");
        awaitReady();
    }

    /** Stops the server; one never installed (its test was skipped) has nothing to stop. */
    void stop() throws IOException, InterruptedException {
        if (Files.isDirectory(WLP.resolve("usr/servers").resolve(name))) {
            command("stop");
        }
    }

    private void command(String command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(WLP.resolve("bin/server").toString(), command, name)
                .redirectErrorStream(true);
        // Only server.env configures this server, never the environment the tests happen to run in.
        builder.environment().keySet().removeIf(variable -> variable.startsWith("GATEHOUSE_"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("server " + command + " " + name + " did not finish");
        }
        // "stop" of a server that is not running exits 1; that is what stopping wants anyway.
        if (process.exitValue() != 0 && !(command.equals("stop") && process.exitValue() == 1)) {
            fail("server " + command + " " + name + " failed (" + process.exitValue() + "): " + output);
        }
    }

    private void awaitReady() throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(endpoint() + "/health/ready")).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(1000);
        }
        fail("server " + name + " did not become ready on port " + port + ":\n" + messages());
    }
}
