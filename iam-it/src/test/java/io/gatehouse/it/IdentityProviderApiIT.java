package io.gatehouse.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.GetSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.OpenIDConnectProviderListEntry;
import software.amazon.awssdk.services.iam.model.SAMLProviderListEntry;
import software.amazon.awssdk.services.iam.model.Tag;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SAML and OpenID Connect provider actions of the IAM API, driven through the AWS SDK for Java v2. */
class IdentityProviderApiIT extends GatehouseServer {

    private static final IamClient IAM = admin();
    private static final String THUMBPRINT = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280";
    private static final String SIGNING_CERTIFICATE = TestCertificates.valid("idp-signing")
            .replaceAll("-----[A-Z ]+-----", "").strip();

    @AfterAll
    static void close() {
        IAM.close();
    }

    /** SAML 2.0 identity provider metadata, over AWS's 1,000-character minimum as real metadata is. */
    static String metadata(String entityId, String validUntil) {
        String expiry = validUntil.isEmpty() ? "" : " validUntil=\"" + validUntil + "\"";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\""
                + " xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"" + entityId + "\"" + expiry + ">\n"
                + "  <md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">\n"
                + "    <md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>\n"
                + SIGNING_CERTIFICATE + "\n"
                + "    </ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>\n"
                + "    <md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\""
                + " Location=\"https://idp.example.com/sso/redirect\"/>\n"
                + "    <md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\""
                + " Location=\"https://idp.example.com/sso/post\"/>\n"
                + "  </md:IDPSSODescriptor>\n"
                + "</md:EntityDescriptor>\n";
    }

    static String givenSamlProvider(String name) {
        return IAM.createSAMLProvider(b -> b.name(name).samlMetadataDocument(metadata("urn:" + name, "")))
                .samlProviderArn();
    }

    static String givenOidcProvider(String host) {
        return IAM.createOpenIDConnectProvider(b -> b.url("https://" + host).clientIDList("app")
                .thumbprintList(THUMBPRINT)).openIDConnectProviderArn();
    }

    static String account() {
        return IAM.getUser().user().arn().split(":")[4];
    }

    static String host() {
        return unique("issuer").toLowerCase() + ".example.com";
    }

    static IamException refused(String code, Runnable call) {
        IamException e = assertThrows(IamException.class, call::run);
        assertEquals(code, e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage());
        return e;
    }

    // --- SAML providers ---

    @Test
    void createsAndGetsASamlProviderInAwsShape() {
        String name = unique("Okta");
        String document = metadata("urn:okta", "2031-05-01T00:00:00Z");

        var created = IAM.createSAMLProvider(b -> b.name(name).samlMetadataDocument(document)
                .tags(Tag.builder().key("team").value("identity").build()));
        GetSamlProviderResponse got = IAM.getSAMLProvider(b -> b.samlProviderArn(created.samlProviderArn()));

        assertEquals("arn:aws:iam::" + account() + ":saml-provider/" + name, created.samlProviderArn());
        assertEquals(List.of(Tag.builder().key("team").value("identity").build()), created.tags());
        assertEquals(document, got.samlMetadataDocument());
        assertEquals(Instant.parse("2031-05-01T00:00:00Z"), got.validUntil());
        assertTrue(got.createDate().isAfter(Instant.now().minus(5, ChronoUnit.MINUTES)), got.createDate().toString());
        assertTrue(got.samlProviderUUID().matches("[0-9a-f-]{36}"), got.samlProviderUUID());
        assertEquals(List.of(Tag.builder().key("team").value("identity").build()), got.tags());
    }

    @Test
    void metadataWithoutExpiryIsValidForAHundredYears() {
        String arn = givenSamlProvider(unique("adfs"));

        GetSamlProviderResponse got = IAM.getSAMLProvider(b -> b.samlProviderArn(arn));

        assertTrue(got.validUntil().isAfter(Instant.now().plus(99 * 365, ChronoUnit.DAYS)), got.validUntil().toString());
    }

    @Test
    void listsSamlProvidersWithValidityAndCreateDate() {
        String arn = givenSamlProvider(unique("listed"));

        List<SAMLProviderListEntry> listed = IAM.listSAMLProviders().samlProviderList();

        SAMLProviderListEntry entry = listed.stream().filter(e -> e.arn().equals(arn)).findFirst().orElseThrow();
        assertTrue(entry.validUntil().isAfter(entry.createDate()));
    }

    @Test
    void updateReplacesTheMetadataDocument() {
        String arn = givenSamlProvider(unique("rotating"));
        String next = metadata("urn:rotated", "2032-01-01T00:00:00Z");

        String updated = IAM.updateSAMLProvider(b -> b.samlProviderArn(arn).samlMetadataDocument(next))
                .samlProviderArn();

        assertEquals(arn, updated);
        GetSamlProviderResponse got = IAM.getSAMLProvider(b -> b.samlProviderArn(arn));
        assertEquals(next, got.samlMetadataDocument());
        assertEquals(Instant.parse("2032-01-01T00:00:00Z"), got.validUntil());
    }

    @Test
    void tagsUntagsAndListsSamlProviderTags() {
        String arn = givenSamlProvider(unique("tagged"));

        IAM.tagSAMLProvider(b -> b.samlProviderArn(arn).tags(Tag.builder().key("a").value("1").build(),
                Tag.builder().key("b").value("2").build()));
        IAM.untagSAMLProvider(b -> b.samlProviderArn(arn).tagKeys("A"));

        assertEquals(List.of(Tag.builder().key("b").value("2").build()),
                IAM.listSAMLProviderTags(b -> b.samlProviderArn(arn)).tags());
    }

    @Test
    void deletedSamlProviderIsNoSuchEntity() {
        String arn = givenSamlProvider(unique("gone"));

        IAM.deleteSAMLProvider(b -> b.samlProviderArn(arn));

        IamException e = assertThrows(NoSuchEntityException.class, () -> IAM.getSAMLProvider(b -> b.samlProviderArn(arn)));
        assertEquals(404, e.statusCode());
        refused("NoSuchEntity", () -> IAM.deleteSAMLProvider(b -> b.samlProviderArn(arn)));
    }

    @Test
    void refusesMetadataWithoutSigningCertificate() {
        String document = metadata("urn:unsigned", "").replace("use=\"signing\"", "use=\"encryption\"");

        IamException e = refused("InvalidInput",
                () -> IAM.createSAMLProvider(b -> b.name(unique("unsigned")).samlMetadataDocument(document)));

        assertTrue(e.awsErrorDetails().errorMessage().contains("no signing certificate"),
                e.awsErrorDetails().errorMessage());
    }

    @Test
    void refusesADocumentThatIsNotSamlMetadata() {
        String document = "<html><body>" + "not metadata ".repeat(100) + "</body></html>";

        refused("InvalidInput", () -> IAM.createSAMLProvider(b -> b.name(unique("html")).samlMetadataDocument(document)));
    }

    @Test
    void refusesASecondSamlProviderOfTheSameName() {
        String name = unique("twice");
        givenSamlProvider(name);

        assertThrows(EntityAlreadyExistsException.class, () -> givenSamlProvider(name));
    }

    // --- OpenID Connect providers ---

    @Test
    void createsAndGetsAnOidcProviderInAwsShape() {
        String host = host();

        String arn = IAM.createOpenIDConnectProvider(b -> b.url("https://" + host + "/tenant").clientIDList("web", "cli")
                .thumbprintList(THUMBPRINT).tags(Tag.builder().key("env").value("prod").build()))
                .openIDConnectProviderArn();
        GetOpenIdConnectProviderResponse got = IAM.getOpenIDConnectProvider(b -> b.openIDConnectProviderArn(arn));

        assertEquals("arn:aws:iam::" + account() + ":oidc-provider/" + host + "/tenant", arn);
        assertEquals(host + "/tenant", got.url());
        assertEquals(List.of("web", "cli"), got.clientIDList());
        assertEquals(List.of(THUMBPRINT), got.thumbprintList());
        assertTrue(got.createDate().isAfter(Instant.now().minus(5, ChronoUnit.MINUTES)));
        assertEquals(List.of(Tag.builder().key("env").value("prod").build()), got.tags());
    }

    @Test
    void theThumbprintListMayBeLeftOut() {
        String host = host();

        String arn = IAM.createOpenIDConnectProvider(b -> b.url("https://" + host).clientIDList("app"))
                .openIDConnectProviderArn();

        assertEquals(List.of(), IAM.getOpenIDConnectProvider(b -> b.openIDConnectProviderArn(arn)).thumbprintList());
    }

    @Test
    void acceptsPlainHttpOnLoopbackOnly() {
        String path = "/realms/" + unique("local");

        String arn = IAM.createOpenIDConnectProvider(b -> b.url("http://localhost:8080" + path).clientIDList("app"))
                .openIDConnectProviderArn();

        assertTrue(arn.endsWith(":oidc-provider/localhost:8080" + path), arn);
        IamException e = refused("InvalidInput",
                () -> IAM.createOpenIDConnectProvider(b -> b.url("http://" + host()).clientIDList("app")));
        assertTrue(e.awsErrorDetails().errorMessage().contains("https://"), e.awsErrorDetails().errorMessage());
    }

    @Test
    void managesClientIdsAndThumbprints() {
        String arn = givenOidcProvider(host());
        String next = "a".repeat(40);

        IAM.addClientIDToOpenIDConnectProvider(b -> b.openIDConnectProviderArn(arn).clientID("mobile"));
        IAM.addClientIDToOpenIDConnectProvider(b -> b.openIDConnectProviderArn(arn).clientID("mobile"));
        IAM.removeClientIDFromOpenIDConnectProvider(b -> b.openIDConnectProviderArn(arn).clientID("app"));
        IAM.updateOpenIDConnectProviderThumbprint(b -> b.openIDConnectProviderArn(arn).thumbprintList(next));

        GetOpenIdConnectProviderResponse got = IAM.getOpenIDConnectProvider(b -> b.openIDConnectProviderArn(arn));
        assertEquals(List.of("mobile"), got.clientIDList());
        assertEquals(List.of(next), got.thumbprintList());
    }

    @Test
    void listsTagsAndDeletesOidcProviders() {
        String arn = givenOidcProvider(host());
        IAM.tagOpenIDConnectProvider(b -> b.openIDConnectProviderArn(arn).tags(Tag.builder().key("k").value("v").build(),
                Tag.builder().key("gone").value("x").build()));
        IAM.untagOpenIDConnectProvider(b -> b.openIDConnectProviderArn(arn).tagKeys("gone"));

        List<OpenIDConnectProviderListEntry> listed = IAM.listOpenIDConnectProviders().openIDConnectProviderList();
        var tags = IAM.listOpenIDConnectProviderTags(b -> b.openIDConnectProviderArn(arn)).tags();
        IAM.deleteOpenIDConnectProvider(b -> b.openIDConnectProviderArn(arn));

        assertTrue(listed.stream().anyMatch(e -> e.arn().equals(arn)));
        assertEquals(List.of(Tag.builder().key("k").value("v").build()), tags);
        assertThrows(NoSuchEntityException.class,
                () -> IAM.getOpenIDConnectProvider(b -> b.openIDConnectProviderArn(arn)));
    }

    @Test
    void refusesASecondProviderForTheSameUrl() {
        String host = host();
        givenOidcProvider(host);

        IamException e = assertThrows(EntityAlreadyExistsException.class, () -> givenOidcProvider(host));

        assertEquals("Provider with url https://" + host + " already exists.", e.awsErrorDetails().errorMessage());
    }

    @Test
    void refusesAThumbprintThatIsNotFortyHexDigits() {
        refused("InvalidInput", () -> IAM.createOpenIDConnectProvider(b -> b.url("https://" + host())
                .thumbprintList("g".repeat(40))));
        refused("ValidationError", () -> IAM.createOpenIDConnectProvider(b -> b.url("https://" + host())
                .thumbprintList("abc")));
    }

    @Test
    void refusesMoreThanAHundredClientIds() {
        String[] ids = IntStream.range(0, 101).mapToObj(i -> "client-" + i).toArray(String[]::new);

        assertThrows(LimitExceededException.class,
                () -> IAM.createOpenIDConnectProvider(b -> b.url("https://" + host()).clientIDList(ids)));
    }

    @Test
    void aMissingOidcProviderIsNoSuchEntity() {
        String arn = "arn:aws:iam::" + account() + ":oidc-provider/" + host();

        IamException e = assertThrows(NoSuchEntityException.class,
                () -> IAM.addClientIDToOpenIDConnectProvider(b -> b.openIDConnectProviderArn(arn).clientID("x")));

        assertEquals("OpenIDConnect Provider not found for arn " + arn, e.awsErrorDetails().errorMessage());
    }

    @Test
    void theHundredAndFirstOidcProviderIsRefused() {
        List<String> created = new ArrayList<>();
        try {
            int existing = IAM.listOpenIDConnectProviders().openIDConnectProviderList().size();
            for (int i = existing; i < 100; i++) {
                created.add(givenOidcProvider(host()));
            }

            IamException e = assertThrows(LimitExceededException.class, () -> givenOidcProvider(host()));

            assertEquals("Cannot exceed quota for OpenIdConnectProvidersPerAccount: 100",
                    e.awsErrorDetails().errorMessage());
        } finally {
            created.forEach(arn -> IAM.deleteOpenIDConnectProvider(b -> b.openIDConnectProviderArn(arn)));
        }
    }

    // --- Authorization and trust ---

    @Test
    void accessIsAuthorizedOnTheProviderArn() {
        String allowed = givenOidcProvider(host());
        String other = givenOidcProvider(host());
        String user = unique("oidc-reader");
        IAM.createUser(b -> b.userName(user));
        IAM.putUserPolicy(b -> b.userName(user).policyName("read-one").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                  "Action":"iam:GetOpenIDConnectProvider","Resource":"%s"}]}""".formatted(allowed)));
        AccessKey key = IAM.createAccessKey(b -> b.userName(user)).accessKey();

        try (IamClient reader = iam(key.accessKeyId(), key.secretAccessKey())) {
            assertEquals(List.of("app"),
                    reader.getOpenIDConnectProvider(b -> b.openIDConnectProviderArn(allowed)).clientIDList());
            IamException e = refused("AccessDenied",
                    () -> reader.getOpenIDConnectProvider(b -> b.openIDConnectProviderArn(other)));
            assertTrue(e.awsErrorDetails().errorMessage().contains("iam:GetOpenIDConnectProvider on resource: " + other),
                    e.awsErrorDetails().errorMessage());
        }
    }

    @Test
    void aRoleMayTrustASamlProvider() {
        String provider = givenSamlProvider(unique("corp"));
        String trust = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"%s"},
                  "Action":"sts:AssumeRoleWithSAML",
                  "Condition":{"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml"}}}]}"""
                .formatted(provider);
        String role = unique("saml-users");

        IAM.createRole(b -> b.roleName(role).assumeRolePolicyDocument(trust));

        assertEquals(trust, URLDecoder.decode(IAM.getRole(b -> b.roleName(role)).role().assumeRolePolicyDocument(),
                StandardCharsets.UTF_8));
    }

    @Test
    void aRoleMayTrustAnOidcProvider() {
        String host = host();
        String provider = givenOidcProvider(host);
        String trust = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"%s"},
                  "Action":"sts:AssumeRoleWithWebIdentity",
                  "Condition":{"StringEquals":{"%s:aud":"app"}}}]}""".formatted(provider, host);
        String role = unique("oidc-users");

        IAM.createRole(b -> b.roleName(role).assumeRolePolicyDocument(trust));

        assertEquals(trust, URLDecoder.decode(IAM.getRole(b -> b.roleName(role)).role().assumeRolePolicyDocument(),
                StandardCharsets.UTF_8));
    }
}
