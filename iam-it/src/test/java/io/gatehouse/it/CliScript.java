package io.gatehouse.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs one of {@code scripts/*.sh} with the real AWS CLI and the bootstrap administrator's keys. */
final class CliScript {

    private CliScript() {
    }

    /** Runs the script against the suite's server and checks it ends with "{@code <prefix>: passed}". */
    static String run(String script, String prefix) throws IOException, InterruptedException {
        return run(script, prefix, Map.of());
    }

    /** As above, with more environment variables for the script (what the test prepared for it). */
    static String run(String script, String prefix, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path cli = ExternalTool.awsCli();
        Path path = Path.of(System.getProperty("gatehouse.it.scripts"), script);
        ProcessBuilder builder = new ProcessBuilder("bash", path.toString(), GatehouseServer.endpoint().toString())
                .redirectErrorStream(true);
        builder.environment().put("AWS_CLI", cli.toString());
        builder.environment().put("AWS_ACCESS_KEY_ID", GatehouseServer.adminAccessKeyId());
        builder.environment().put("AWS_SECRET_ACCESS_KEY", GatehouseServer.adminSecret());
        builder.environment().remove("AWS_SESSION_TOKEN");
        builder.environment().remove("AWS_PROFILE");
        builder.environment().put("AWS_CONFIG_FILE", "/dev/null");
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        builder.environment().putAll(environment);

        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), script + " did not finish");

        System.out.println(output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains(prefix + ": passed"), output);
        return output;
    }
}
