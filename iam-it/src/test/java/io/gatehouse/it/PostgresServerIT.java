package io.gatehouse.it;

import io.gatehouse.it.SignedSamlResponse.IdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

import java.nio.file.Files;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL selected by configuration alone, and two nodes on it: the same EAR and server.xml,
 * with GATEHOUSE_DB_URL pointing at a real PostgreSQL and one master key for both. The schema is
 * migrated there and the data lands there; what one node writes or issues, the other honours, and
 * a SAML assertion used at one node is refused at the other.
 */
class PostgresServerIT {

    private static final StandaloneServer FIRST =
            new StandaloneServer(StandaloneServer.named("postgres"), Integer.getInteger("gatehouse.it.postgres.port", 9182));
    private static final StandaloneServer SECOND =
            new StandaloneServer(StandaloneServer.named("postgres-2"), Integer.getInteger("gatehouse.it.cluster.port", 9183));
    private static final String ADMIN_KEY = "AKIAPOSTGRESITADMIN0";
    private static final String ADMIN_SECRET = "postgresItSecretForTheBootstrapAdmin0000";
    private static String url;
    private static String user;
    private static String password;

    @BeforeAll
    static void startTwoNodesOnOneDatabase() throws Exception {
        String baseUrl = System.getenv("GATEHOUSE_TEST_POSTGRES_URL");
        ExternalTool.require(baseUrl != null, "PostgreSQL (GATEHOUSE_TEST_POSTGRES_URL; see scripts/start-test-postgres.sh)");
        user = System.getenv().getOrDefault("GATEHOUSE_TEST_POSTGRES_USER", "postgres");
        password = System.getenv().getOrDefault("GATEHOUSE_TEST_POSTGRES_PASSWORD", "");
        String database = "gatehouse_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(baseUrl, user, password);
             Statement create = admin.createStatement()) {
            create.execute("create database " + database);
        }
        url = baseUrl.substring(0, baseUrl.lastIndexOf('/') + 1) + database;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> environment = Map.of(
                "GATEHOUSE_DB_URL", url,
                "GATEHOUSE_DB_USER", user,
                "GATEHOUSE_DB_PASSWORD", password,
                "GATEHOUSE_MASTER_KEY", Base64.getEncoder().encodeToString(key),
                "GATEHOUSE_MASTER_KEY_ID", "cluster-it",
                "GATEHOUSE_BOOTSTRAP_ADMIN_ACCESS_KEY_ID", ADMIN_KEY,
                "GATEHOUSE_BOOTSTRAP_ADMIN_SECRET_ACCESS_KEY", ADMIN_SECRET);
        FIRST.install(environment);
        SECOND.install(environment);
        // One after the other: the first migrates and bootstraps, the second finds both done.
        FIRST.start();
        SECOND.start();
    }

    @AfterAll
    static void stop() throws Exception {
        FIRST.stop();
        SECOND.stop();
    }

    @Test
    void theServerRunsOnPostgresWhenTheDatabaseUrlSaysSo() throws Exception {
        String name = "pg-user-" + UUID.randomUUID().toString().substring(0, 8);
        try (IamClient iam = FIRST.client(ADMIN_KEY, ADMIN_SECRET)) {
            iam.createUser(b -> b.userName(name));
            assertEquals(name, iam.getUser(b -> b.userName(name)).user().userName());
        }

        try (Connection db = DriverManager.getConnection(url, user, password);
             PreparedStatement query = db.prepareStatement("select count(*) from iam_users where name = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                assertEquals(1, row.getInt(1), "the user was not written to PostgreSQL");
            }
        }
        assertFalse(Files.exists(FIRST.dir().resolve("data/gatehouse.mv.db")), "an embedded database was created too");
    }

    @Test
    void whatOneNodeWritesTheOtherReads() {
        String name = "pg-user-" + UUID.randomUUID().toString().substring(0, 8);
        try (IamClient first = FIRST.client(ADMIN_KEY, ADMIN_SECRET);
             IamClient second = SECOND.client(ADMIN_KEY, ADMIN_SECRET)) {
            first.createUser(b -> b.userName(name));

            assertEquals(first.getUser(b -> b.userName(name)).user().userId(),
                    second.getUser(b -> b.userName(name)).user().userId());
        }
    }

    @Test
    void sessionCredentialsIssuedByOneNodeWorkOnTheOther() {
        String role = "pg-role-" + UUID.randomUUID().toString().substring(0, 8);
        try (IamClient iam = FIRST.client(ADMIN_KEY, ADMIN_SECRET);
             StsClient first = sts(FIRST, admin())) {
            String account = first.getCallerIdentity().account();
            String roleArn = iam.createRole(b -> b.roleName(role).assumeRolePolicyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                            + "\"arn:aws:iam::" + account + ":root\"},\"Action\":\"sts:AssumeRole\"}]}")).role().arn();
            Credentials issued = first.assumeRole(b -> b.roleArn(roleArn).roleSessionName("node-one")).credentials();

            try (StsClient second = sts(SECOND, StaticCredentialsProvider.create(AwsSessionCredentials.create(
                    issued.accessKeyId(), issued.secretAccessKey(), issued.sessionToken())))) {
                assertEquals("arn:aws:sts::" + account + ":assumed-role/" + role + "/node-one",
                        second.getCallerIdentity().arn());
            }
        }
    }

    @Test
    void aSamlAssertionUsedAtOneNodeIsRefusedAtTheOther() {
        IdentityProvider idp = IdentityProvider.generate("urn:" + UUID.randomUUID());
        try (IamClient iam = FIRST.client(ADMIN_KEY, ADMIN_SECRET);
             StsClient first = sts(FIRST, AnonymousCredentialsProvider.create());
             StsClient second = sts(SECOND, AnonymousCredentialsProvider.create())) {
            String provider = iam.createSAMLProvider(b -> b.name("pg-idp-" + UUID.randomUUID().toString().substring(0, 8))
                    .samlMetadataDocument(idp.metadata())).samlProviderArn();
            String role = iam.createRole(b -> b.roleName("pg-saml-" + UUID.randomUUID().toString().substring(0, 8))
                    .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Principal\":{\"Federated\":\"" + provider + "\"},\"Action\":\"sts:AssumeRoleWithSAML\"}]}"))
                    .role().arn();
            String assertion = SignedSamlResponse.offering(idp, role, provider, "alice").base64();

            assertTrue(first.assumeRoleWithSAML(b -> b.samlAssertion(assertion).roleArn(role).principalArn(provider))
                    .assumedRoleUser().arn().endsWith("/alice"));
            StsException replayed = assertThrows(StsException.class, () -> second.assumeRoleWithSAML(
                    b -> b.samlAssertion(assertion).roleArn(role).principalArn(provider)));
            assertEquals("InvalidIdentityToken", replayed.awsErrorDetails().errorCode());
        }
    }

    private static AwsCredentialsProvider admin() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ADMIN_KEY, ADMIN_SECRET));
    }

    private static StsClient sts(StandaloneServer node, AwsCredentialsProvider credentials) {
        return StsClient.builder()
                .endpointOverride(node.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.doNotRetry()).build())
                .build();
    }
}
