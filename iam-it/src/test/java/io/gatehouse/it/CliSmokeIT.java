package io.gatehouse.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;

/** The real AWS CLI against the server: {@code scripts/cli-smoke.sh}. */
class CliSmokeIT extends GatehouseServer {

    @Test
    void theAwsCliCreatesAUserAndAnAccessKeyAndListsUsers() throws IOException, InterruptedException {
        CliScript.run("cli-smoke.sh", "cli-smoke");
    }
}
