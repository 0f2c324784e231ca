package io.gatehouse.it;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Tools outside the JDK that some tests drive (the AWS CLI). CI installs them, so there a missing
 * tool fails the test; on a developer machine the test is skipped and says how to enable it.
 */
final class ExternalTool {

    private ExternalTool() {
    }

    static Path awsCli() {
        Path cli = Path.of(System.getenv().getOrDefault("AWS_CLI", "/usr/bin/aws"));
        require(Files.isExecutable(cli), "the AWS CLI (" + cli + "; apt-get install awscli, or set AWS_CLI)");
        return cli;
    }

    static void require(boolean present, String what) {
        if (present) {
            return;
        }
        if (System.getenv("CI") != null) {
            fail("CI must provide " + what);
        }
        Assumptions.assumeTrue(false, "skipped: needs " + what);
    }
}
