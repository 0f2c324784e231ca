package io.gatehouse.it;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signing in with a directory password: an Active Directory-like domain on loopback, its LDAP
 * provider and role-mapping rules set up over the JSON API, the dry run, and the unsigned
 * AssumeRoleWithLDAPIdentity whose credentials then work with the SDK.
 */
class LdapFederationIT extends GatehouseServer {

    private static final String BASE = "DC=corp,DC=example";
    private static final String ALICE_PASSWORD = "Wonderland-1865";
    private static final IamClient IAM = admin();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final InMemoryDirectoryServer DIRECTORY = startDirectory();
    private static final String ACCOUNT = StsApiIT.sts(AwsBasicCredentials.create(adminAccessKeyId(), adminSecret()))
            .getCallerIdentity().account();

    @AfterAll
    static void close() {
        IAM.close();
        DIRECTORY.shutDown(true);
    }

    @Test
    void aDeveloperAssumesTheMappedRoleAndTheCredentialsWorkWithTheSdk() throws Exception {
        String provider = givenProvider();
        String role = givenRole(provider);
        assertEquals(204, put(provider, rules(role)).statusCode());

        HttpResponse<String> dryRun = rest("POST", "/api/v1/providers/" + encoded(provider) + "/role-mappings/dry-run",
                """
                {"subject": "CN=Alice Liddell,OU=Users,DC=corp,DC=example", "claims": {"mail": ["alice@corp.example"]},
                 "groups": ["Developers", "Staff"]}""");
        assertEquals(200, dryRun.statusCode(), dryRun.body());
        Map<String, Object> explanation = JSONObjectUtils.parse(dryRun.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) explanation.get("rules")).get(0);
        assertEquals("MATCHED", first.get("verdict"));
        assertEquals(roleArn(role), first.get("role"));

        HttpResponse<String> issued = assumeWithLdap(provider, "alice", ALICE_PASSWORD);
        assertEquals(200, issued.statusCode(), issued.body());
        StsClient session = StsApiIT.sts(AwsSessionCredentials.create(element(issued, "AccessKeyId"),
                element(issued, "SecretAccessKey"), element(issued, "SessionToken")));
        assertEquals("arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/alice",
                session.getCallerIdentity().arn());
        assertEquals("arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/alice", element(issued, "Arn"));
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        String provider = givenProvider();
        put(provider, rules(givenRole(provider)));

        HttpResponse<String> refused = assumeWithLdap(provider, "alice", "not-her-password");

        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("AccessDenied", element(refused, "Code"));
        assertEquals("The user name or password is incorrect", element(refused, "Message"));
    }

    @Test
    void aUserInNoMappedGroupIsRefused() throws Exception {
        String provider = givenProvider();
        put(provider, rules(givenRole(provider)));

        HttpResponse<String> refused = assumeWithLdap(provider, "bob", "CanWeFixIt-42");

        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(element(refused, "Message").contains("no role mapping matched"), refused.body());
    }

    @Test
    void aTrustPolicyThatDoesNotNameTheProviderRefuses() throws Exception {
        String provider = givenProvider();
        String otherProvider = "arn:aws:iam::" + ACCOUNT + ":ldap-provider/" + unique("elsewhere");
        String role = givenRole(otherProvider);
        put(provider, rules(role));

        HttpResponse<String> refused = assumeWithLdap(provider, "alice", ALICE_PASSWORD);

        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("Not authorized to perform sts:AssumeRoleWithLDAPIdentity", element(refused, "Message"));
    }

    @Test
    void anInvalidRulesDocumentIsRefusedWithItsPosition() throws Exception {
        String provider = givenProvider();

        HttpResponse<String> refused = put(provider, """
                {"mode": "FIRST_MATCH",
                 "rules": [{"name": "devs", "conditions": [{"memberOf": "Developers"}], "role": "not-an-arn"}]}""");

        assertEquals(400, refused.statusCode(), refused.body());
        Map<String, Object> error = JSONObjectUtils.parse(refused.body());
        assertEquals("ValidationError", error.get("code"));
        assertEquals("rules[0].role", error.get("path"));
        assertEquals(2L, ((Number) error.get("line")).longValue());
        assertEquals(404, rest("GET", "/api/v1/providers/" + encoded(provider) + "/role-mappings", null).statusCode());
    }

    @Test
    void theProviderIsReadBackWithoutItsBindPassword() throws Exception {
        String provider = givenProvider();
        String name = provider.substring(provider.lastIndexOf('/') + 1);

        HttpResponse<String> read = rest("GET", "/api/v1/ldap-providers/" + name, null);

        assertEquals(200, read.statusCode(), read.body());
        assertEquals(provider, JSONObjectUtils.parse(read.body()).get("arn"));
        assertFalse(read.body().contains("service-secret-9"), read.body());
        assertFalse(read.body().toLowerCase().contains("password"), read.body());
    }

    @Test
    void mappingsOfAProviderThatDoesNotExistAreRefused() {
        String missing = "arn:aws:iam::" + ACCOUNT + ":saml-provider/" + unique("missing");

        HttpResponse<String> refused = put(missing, rules("Dev"));

        assertEquals(404, refused.statusCode(), refused.body());
    }

    @Test
    void anUpdatedProviderSignsInWithItsNewSettingsAndKeepsItsPassword() throws Exception {
        String provider = givenProvider();
        String name = provider.substring(provider.lastIndexOf('/') + 1);
        put(provider, rules(givenRole(provider)));
        String settings = """
                {"url": "ldap://127.0.0.1:%d", "bindDn": "CN=Gatehouse Service,OU=Users,%s",
                 "userSearchBase": "%s", "userFilter": "(&(objectClass=user)(sAMAccountName={0}))",
                 "groupSearchBase": "OU=Groups,%s", "activeDirectory": true, "timeoutSeconds": 5}""";
        HttpResponse<String> elsewhere = rest("PUT", "/api/v1/ldap-providers/" + name,
                settings.formatted(DIRECTORY.getListenPort(), BASE, "OU=Builtin," + BASE, BASE));
        assertEquals(200, elsewhere.statusCode(), elsewhere.body());
        assertEquals(403, assumeWithLdap(provider, "alice", ALICE_PASSWORD).statusCode());

        rest("PUT", "/api/v1/ldap-providers/" + name,
                settings.formatted(DIRECTORY.getListenPort(), BASE, "OU=Users," + BASE, BASE));

        HttpResponse<String> issued = assumeWithLdap(provider, "alice", ALICE_PASSWORD);
        assertEquals(200, issued.statusCode(), issued.body());
    }

    @Test
    @SuppressWarnings("unchecked")
    void changesAndIssuedSessionsAreAuditedWithoutTheirPasswords() throws Exception {
        String provider = givenProvider();
        String name = provider.substring(provider.lastIndexOf('/') + 1);
        put(provider, rules(givenRole(provider)));
        assertEquals(200, assumeWithLdap(provider, "alice", ALICE_PASSWORD).statusCode());

        assertTrue(events("CreateLDAPProvider").stream()
                .anyMatch(e -> name.equals(((Map<String, Object>) e.get("parameters")).get("Name"))));
        // Issuance events are written in batches a few times a second: poll for a few seconds at most.
        Map<String, Object> issued = null;
        for (int attempt = 0; attempt < 50 && issued == null; attempt++) {
            issued = events("AssumeRoleWithLDAPIdentity").stream()
                    .filter(e -> provider.equals(((Map<String, Object>) e.get("parameters")).get("ProviderArn")))
                    .findFirst().orElse(null);
            if (issued == null) {
                Thread.sleep(100);
            }
        }
        assertTrue(issued != null, "no AssumeRoleWithLDAPIdentity event for " + provider);
        assertEquals("***", ((Map<String, Object>) issued.get("parameters")).get("LDAPPassword"));
        assertTrue(((String) issued.get("principalArn")).endsWith("/alice"), issued.toString());
    }

    // --- the browser's directory sign-in form (/signin/ldap/...) ---

    @Test
    void theSignInFormIsAPageThatNoOtherSiteMayFrame() throws Exception {
        String provider = givenProvider();

        HttpResponse<String> form = send(HttpRequest.newBuilder(endpoint().resolve(signInPath(provider)))
                .header("Accept", "text/html").GET().build());

        assertEquals(200, form.statusCode(), form.body());
        assertTrue(form.body().contains("<input type=\"password\" name=\"password\""), form.body());
        assertEquals("DENY", form.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("no-store", form.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void aBrowserSignInEndsInAConsoleSessionForTheMappedRole() throws Exception {
        String provider = givenProvider();
        String role = givenRole(provider);
        put(provider, rules(role));

        HttpResponse<String> signedIn = signInWithForm(provider, "alice", ALICE_PASSWORD, "application/json", null);

        assertEquals(200, signedIn.statusCode(), signedIn.body());
        String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("gatehouse_console=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        Map<String, Object> session = JSONObjectUtils.parse(signedIn.body());
        assertEquals("arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/alice", session.get("principalArn"));
        assertEquals("developers", session.get("mappedBy"));
        HttpResponse<String> caller = send(HttpRequest.newBuilder(endpoint().resolve("/api/v1/caller"))
                .header("Authorization", "Bearer " + session.get("token")).GET().build());
        assertEquals(200, caller.statusCode(), caller.body());
        assertEquals(session.get("principalArn"), JSONObjectUtils.parse(caller.body()).get("arn"));
    }

    @Test
    void aBrowserChoosesAmongTheRolesTheRulesOfferWithItsOwnBinding() throws Exception {
        String provider = givenProvider();
        String developer = givenRole(provider);
        String staff = givenRole(provider);
        put(provider, """
                {"mode": "ALL_MATCHES",
                 "rules": [{"name": "developers", "conditions": [{"memberOf": "Developers"}], "role": "%s"},
                           {"name": "staff", "conditions": [{"memberOf": "Staff"}], "role": "%s"}]}"""
                .formatted(roleArn(developer), roleArn(staff)));

        HttpResponse<String> chooser = signInWithForm(provider, "alice", ALICE_PASSWORD, "text/html", null);
        assertEquals(200, chooser.statusCode(), chooser.body());
        assertTrue(chooser.body().contains(roleArn(developer)) && chooser.body().contains(roleArn(staff)),
                chooser.body());
        Matcher hidden = Pattern.compile("name=\"choiceToken\" value=\"([^\"]+)\"").matcher(chooser.body());
        assertTrue(hidden.find(), chooser.body());
        String binding = chooser.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("gatehouse_signin=")).findFirst().orElseThrow().split(";")[0];
        String form = "choiceToken=" + URLEncoder.encode(hidden.group(1), StandardCharsets.UTF_8)
                + "&roleArn=" + URLEncoder.encode(roleArn(staff), StandardCharsets.UTF_8);

        HttpResponse<String> elsewhere = postForm("/signin/role", form, "application/json",
                "gatehouse_signin=another-browsers-binding-0000");
        assertEquals(403, elsewhere.statusCode(), elsewhere.body());
        HttpResponse<String> chosen = postForm("/signin/role", form, "application/json", binding);
        assertEquals(200, chosen.statusCode(), chosen.body());
        assertEquals("arn:aws:sts::" + ACCOUNT + ":assumed-role/" + staff + "/alice",
                JSONObjectUtils.parse(chosen.body()).get("principalArn"));
    }

    @Test
    void aWrongPasswordAtTheFormIsAPageThatSaysSo() throws Exception {
        String provider = givenProvider();
        put(provider, rules(givenRole(provider)));

        HttpResponse<String> refused = signInWithForm(provider, "alice", "not-her-password", "text/html", null);

        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("AccessDenied") && refused.body().contains("The user name or password"),
                refused.body());
        assertFalse(refused.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("gatehouse_console")));
    }

    private static String signInPath(String provider) {
        return "/signin/ldap/" + ACCOUNT + "/" + provider.substring(provider.lastIndexOf('/') + 1);
    }

    private static HttpResponse<String> signInWithForm(String provider, String user, String password, String accept,
                                                       String cookie) {
        return postForm(signInPath(provider), "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8), accept, cookie);
    }

    private static HttpResponse<String> postForm(String path, String form, String accept, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.build());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(String action) throws Exception {
        HttpResponse<String> response = rest("GET", "/api/v1/account/audit-events?limit=1000&action=" + action, null);
        assertEquals(200, response.statusCode(), response.body());
        return (List<Map<String, Object>>) JSONObjectUtils.parse(response.body()).get("events");
    }

    // --- the directory, the provider, the role ---

    private static InMemoryDirectoryServer startDirectory() {
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
            try (InputStream schema = resource("active-directory-schema.ldif")) {
                config.setSchema(Schema.mergeSchemas(Schema.getDefaultStandardSchema(), Schema.getSchema(schema)));
            }
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("loopback",
                    InetAddress.getLoopbackAddress(), 0, null));
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            try (InputStream ldif = resource("corp.ldif")) {
                server.importFromLDIF(true, new LDIFReader(ldif));
            }
            server.startListening();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException("The test directory did not start", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = LdapFederationIT.class.getResourceAsStream("/ldap/" + name);
        if (in == null) {
            throw new IllegalStateException("Missing test resource /ldap/" + name);
        }
        return in;
    }

    /** An LDAP provider for the test directory, over the JSON API; answers its ARN. */
    private static String givenProvider() throws Exception {
        String name = unique("corp");
        HttpResponse<String> created = rest("POST", "/api/v1/ldap-providers", """
                {"name": "%s", "url": "ldap://127.0.0.1:%d", "bindDn": "CN=Gatehouse Service,OU=Users,%s",
                 "bindPassword": "service-secret-9", "userSearchBase": "OU=Users,%s",
                 "userFilter": "(&(objectClass=user)(sAMAccountName={0}))", "groupSearchBase": "OU=Groups,%s",
                 "groupResolution": "MEMBER_OF_NESTED", "activeDirectory": true, "timeoutSeconds": 5}"""
                .formatted(name, DIRECTORY.getListenPort(), BASE, BASE, BASE));
        assertEquals(201, created.statusCode(), created.body());
        return (String) JSONObjectUtils.parse(created.body()).get("arn");
    }

    /** A role whose trust policy lets {@code trustedProvider}'s users in; answers its name. */
    private static String givenRole(String trustedProvider) {
        String name = unique("Dev");
        IAM.createRole(b -> b.roleName(name).assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"%s"},
                 "Action":"sts:AssumeRoleWithLDAPIdentity"}]}""".formatted(trustedProvider)));
        return name;
    }

    private static String roleArn(String role) {
        return "arn:aws:iam::" + ACCOUNT + ":role/" + role;
    }

    private static String rules(String role) {
        return """
                {"mode": "FIRST_MATCH",
                 "rules": [{"name": "developers", "conditions": [{"memberOf": "Developers"}], "role": "%s"}]}"""
                .formatted(roleArn(role));
    }

    // --- HTTP ---

    private static HttpResponse<String> put(String provider, String document) {
        return rest("PUT", "/api/v1/providers/" + encoded(provider) + "/role-mappings", document);
    }

    private static String token;

    private static synchronized String token() {
        if (token == null) {
            SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                    .uri(endpoint().resolve("/api/v1/sessions")).build();
            HttpResponse<String> response = SignedHttp.send(SignedHttp.sign(request, "",
                    AwsCredentialsIdentity.create(adminAccessKeyId(), adminSecret()), "sts"), "");
            assertEquals(200, response.statusCode(), response.body());
            try {
                token = (String) JSONObjectUtils.parse(response.body()).get("token");
            } catch (java.text.ParseException e) {
                throw new AssertionError(response.body(), e);
            }
        }
        return token;
    }

    private static HttpResponse<String> rest(String method, String path, String body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return send(HttpRequest.newBuilder(endpoint().resolve(path)).header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json").method(method, publisher).build());
    }

    /** The unsigned Query API call, as a plain form POST. */
    private static HttpResponse<String> assumeWithLdap(String provider, String user, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Action", "AssumeRoleWithLDAPIdentity");
        form.put("Version", "2011-06-15");
        form.put("ProviderArn", provider);
        form.put("LDAPUsername", user);
        form.put("LDAPPassword", password);
        String encodedForm = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(endpoint().resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encodedForm)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Liberty refuses an encoded '/' in a path, so the ARN's slashes stay as they are. */
    private static String encoded(String arn) {
        return URLEncoder.encode(arn, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    private static String element(HttpResponse<String> response, String name) {
        Matcher matcher = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(response.body());
        assertTrue(matcher.find(), "no <" + name + "> in " + response.body());
        return matcher.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&apos;", "'");
    }
}
