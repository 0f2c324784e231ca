package io.gatehouse.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real AWS CLI against the server: {@code scripts/cli-smoke.sh}. */
class CliSmokeIT extends GatehouseServer {

    @Test
    void theAwsCliCreatesAUserAndAnAccessKeyAndListsUsers() throws IOException, InterruptedException {
        Path cli = ExternalTool.awsCli();
        Path script = Path.of(System.getProperty("gatehouse.it.scripts"), "cli-smoke.sh");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), endpoint().toString())
                .redirectErrorStream(true);
        builder.environment().put("AWS_CLI", cli.toString());
        builder.environment().put("AWS_ACCESS_KEY_ID", adminAccessKeyId());
        builder.environment().put("AWS_SECRET_ACCESS_KEY", adminSecret());
        builder.environment().remove("AWS_PROFILE");
        builder.environment().put("AWS_CONFIG_FILE", "/dev/null");
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");

        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "cli-smoke.sh did not finish");

        System.out.println(output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("cli-smoke: passed"), output);
    }
}
