package io.gatehouse.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

import java.io.File;
import java.net.URI;
import java.util.UUID;

/**
 * Base of the integration tests: the built EAR, deployed by Arquillian into a real Open Liberty
 * server (started once for the whole suite), and AWS SDK clients pointed at it.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class GatehouseServer {

    @Deployment(testable = false)
    public static EnterpriseArchive application() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("gatehouse.it.ear")));
    }

    protected static URI endpoint() {
        return URI.create("http://localhost:" + System.getProperty("gatehouse.it.port"));
    }

    protected static String adminAccessKeyId() {
        return System.getProperty("gatehouse.it.admin.access-key-id");
    }

    protected static String adminSecret() {
        return System.getProperty("gatehouse.it.admin.secret");
    }

    /** The bootstrap admin (member of Administrators), as configured for the test server. */
    protected static IamClient admin() {
        return iam(adminAccessKeyId(), adminSecret());
    }

    protected static IamClient iam(String accessKeyId, String secret) {
        return IamClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                // A refusal must surface as it is, not be retried into a different answer.
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.doNotRetry()).build())
                .build();
    }

    /** Names unique to this run, so tests do not depend on each other or on a previous run's data. */
    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
