package io.gatehouse.federation.keycloak;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real Keycloak server on loopback, started once per test JVM from the distribution that the
 * build unpacks under {@code target/keycloak} (see the module's pom), and stopped by a shutdown
 * hook. It runs {@code kc.sh start-dev} on free ports with an in-memory database, so every run
 * starts from an empty server. Keycloak 26.7 runs on Java 17; it is started with the test JVM's
 * own Java unless {@code GATEHOUSE_KEYCLOAK_JAVA_HOME} names another.
 *
 * <p>Where the distribution is missing the tests are skipped, saying why, except under CI (the
 * {@code CI} variable set), where a missing Keycloak fails them, as for the project's other
 * external tools.
 */
public final class RealKeycloak implements BeforeAllCallback {

    static final String HOME_PROPERTY = "gatehouse.test.keycloak.home";
    static final String ADMIN_USER = "gatehouse-admin";
    /** A throwaway credential of a server that lives only on loopback for one test run. */
    static final String ADMIN_PASSWORD = "bootstrap-" + UUID.randomUUID();
    private static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(300);
    private static final int LOG_TAIL_LINES = 40;

    private static Server server;
    private static RuntimeException startFailure;

    /** Keycloak's base URL, e.g. {@code http://127.0.0.1:41234}. */
    static URI serverUrl() {
        return started().url;
    }

    static KeycloakRealm realm(String name) {
        return KeycloakRealm.administeredBy(serverUrl(), name, ADMIN_USER, ADMIN_PASSWORD);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        started();
    }

    private static synchronized Server started() {
        if (server != null) {
            return server;
        }
        if (startFailure != null) {
            throw startFailure;
        }
        Path home = Path.of(System.getProperty(HOME_PROPERTY, "target/keycloak/keycloak-26.7.3"));
        Path script = home.resolve("bin/kc.sh");
        if (!Files.isExecutable(script)) {
            String what = "a Keycloak server at " + home.toAbsolutePath() + " (unpacked by 'mvn -pl iam-federation "
                    + "process-test-resources' from org.keycloak:keycloak-quarkus-dist)";
            if (System.getenv("CI") != null) {
                fail("CI must provide " + what);
            }
            // Surefire counts a class aborted in @BeforeAll as neither run nor skipped: say it here.
            System.err.println("Keycloak tests skipped: they need " + what);
            Assumptions.assumeTrue(false, "skipped: needs " + what);
        }
        try {
            server = Server.start(home, script);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "keycloak-stop"));
            return server;
        } catch (RuntimeException e) {
            startFailure = e;
            throw e;
        }
    }

    private static final class Server {
        final Process process;
        final URI url;

        private Server(Process process, URI url) {
            this.process = process;
            this.url = url;
        }

        static Server start(Path home, Path script) {
            int httpPort = freePort();
            int managementPort = freePort();
            URI url = URI.create("http://127.0.0.1:" + httpPort);
            Path log = home.resolve("gatehouse-test-server.log");
            ProcessBuilder builder = new ProcessBuilder(List.of(script.toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                    "--db=dev-mem", "--health-enabled=false", "--metrics-enabled=false"))
                    .directory(home.toFile())
                    .redirectErrorStream(true);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            builder.environment().put("JAVA_HOME", System.getenv()
                    .getOrDefault("GATEHOUSE_KEYCLOAK_JAVA_HOME", System.getProperty("java.home")));
            builder.environment().remove("JAVA_OPTS");
            long began = System.nanoTime();
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("Keycloak could not be started from " + script, e);
            }
            Deque<String> tail = new ArrayDeque<>();
            CompletableFuture<Void> listening = new CompletableFuture<>();
            Thread copier = new Thread(() -> copy(process, log, url, tail, listening), "keycloak-log");
            copier.setDaemon(true);
            copier.start();
            Duration timeout = Duration.ofSeconds(Long.getLong("gatehouse.test.keycloak.startup-seconds",
                    DEFAULT_STARTUP_TIMEOUT.toSeconds()));
            try {
                listening.get(timeout.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException | InterruptedException e) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                String reason = e instanceof TimeoutException ? "was not listening after " + timeout.toSeconds() + " s"
                        : "stopped before listening (exit " + exitCode(process) + ")";
                throw new IllegalStateException("Keycloak " + reason + "; last lines of " + log + ":\n"
                        + String.join("\n", snapshot(tail)), e);
            }
            requireMasterRealm(url);
            System.err.printf("Keycloak ready at %s after %d s (log: %s)%n", url,
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began), log);
            return new Server(process, url);
        }

        void stop() {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Tees the server's output into its log; "Listening on: <url>" means the HTTP port is open. */
        private static void copy(Process process, Path log, URI url, Deque<String> tail,
                                 CompletableFuture<Void> listening) {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    out.println(line);
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > LOG_TAIL_LINES) {
                            tail.removeFirst();
                        }
                    }
                    if (line.contains("Listening on: " + url)) {
                        listening.complete(null);
                    }
                }
            } catch (IOException e) {
                listening.completeExceptionally(e);
            }
            listening.completeExceptionally(new IllegalStateException("Keycloak's output ended"));
        }

        private static List<String> snapshot(Deque<String> tail) {
            synchronized (tail) {
                return List.copyOf(tail);
            }
        }

        private static String exitCode(Process process) {
            try {
                return process.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "none yet";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "unknown";
            }
        }

        private static void requireMasterRealm(URI url) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/realms/master"))
                    .timeout(Duration.ofSeconds(30)).GET().build();
            try {
                int status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200) {
                    throw new IllegalStateException("Keycloak listens, but /realms/master answered HTTP " + status);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Keycloak listens, but /realms/master could not be read", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
