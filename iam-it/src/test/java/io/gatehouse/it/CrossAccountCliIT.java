package io.gatehouse.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cross-account walkthrough with the real AWS CLI: {@code scripts/cross-account-walkthrough.sh}. */
class CrossAccountCliIT extends GatehouseServer {

    @Test
    void theWalkthroughRunsWithTheAwsCli() throws IOException, InterruptedException {
        String output = CliScript.run("cross-account-walkthrough.sh", "walkthrough");

        assertTrue(output.contains("assumed-role/delegate_read_my_bucket/my-s3-session"), output);
    }
}
