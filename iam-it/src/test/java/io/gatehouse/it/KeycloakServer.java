package io.gatehouse.it;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

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

/**
 * A real Keycloak on loopback for the suite, started on first use and stopped when the test JVM
 * ends: {@code kc.sh start-dev} from the distribution iam-it's pom unpacks, on the port
 * {@code gatehouse.it.keycloak.port}, with an in-memory database and an administrator created by
 * Keycloak's bootstrap variables. Its start takes long, so every test class shares the one server.
 */
final class KeycloakServer {

    static final String ADMIN_USER = "gatehouse-admin";
    /** A throwaway credential of a server that lives only on loopback for one suite. */
    static final String ADMIN_PASSWORD = "bootstrap-" + UUID.randomUUID();
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(300);
    private static final int LOG_TAIL_LINES = 40;

    private static URI url;
    private static RuntimeException startFailure;

    private KeycloakServer() {
    }

    /** Keycloak's base URL, e.g. {@code http://127.0.0.1:9183}, once it answers. */
    static synchronized URI url() {
        if (url != null) {
            return url;
        }
        if (startFailure != null) {
            throw startFailure;
        }
        try {
            url = start();
            return url;
        } catch (RuntimeException e) {
            startFailure = e;
            throw e;
        }
    }

    /** Keycloak's admin API as the bootstrap administrator, for setting up realms. */
    static Keycloak admin() {
        return KeycloakBuilder.builder().serverUrl(url().toString()).realm("master").clientId("admin-cli")
                .username(ADMIN_USER).password(ADMIN_PASSWORD).grantType("password").build();
    }

    private static URI start() {
        Path home = Path.of(System.getProperty("gatehouse.it.keycloak.home"));
        Path script = home.resolve("bin/kc.sh");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("No Keycloak at " + home + " (unpacked by iam-it's pom in pre-integration-test)");
        }
        int port = Integer.getInteger("gatehouse.it.keycloak.port");
        URI base = URI.create("http://127.0.0.1:" + port);
        Path log = home.resolve("gatehouse-it-server.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(script.toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + freePort(),
                "--db=dev-mem", "--health-enabled=false", "--metrics-enabled=false"))
                .directory(home.toFile())
                .redirectErrorStream(true);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JAVA_OPTS");
        long began = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak could not be started from " + script, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "keycloak-stop"));
        Deque<String> tail = new ArrayDeque<>();
        CompletableFuture<Void> listening = new CompletableFuture<>();
        Thread copier = new Thread(() -> copy(process, log, base, tail, listening), "keycloak-log");
        copier.setDaemon(true);
        copier.start();
        try {
            listening.get(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException | InterruptedException e) {
            stop(process);
            List<String> lines;
            synchronized (tail) {
                lines = List.copyOf(tail);
            }
            throw new IllegalStateException("Keycloak did not listen on " + base + "; last lines of " + log + ":\n"
                    + String.join("\n", lines), e);
        }
        requireMasterRealm(base);
        System.err.printf("Keycloak ready at %s after %d s (log: %s)%n", base,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began), log);
        return base;
    }

    private static void stop(Process process) {
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
    private static void copy(Process process, Path log, URI base, Deque<String> tail, CompletableFuture<Void> listening) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                out.println(line);
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > LOG_TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
                if (line.contains("Listening on: " + base)) {
                    listening.complete(null);
                }
            }
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
        listening.completeExceptionally(new IllegalStateException("Keycloak's output ended"));
    }

    private static void requireMasterRealm(URI base) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/realms/master"))
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
