package io.gatehouse.it;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.gatehouse.it.SignedSamlResponse.IdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.iam.IamClient;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Inflater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SAML browser sign-in against the real server: an identity provider's signed response posted
 * to Gatehouse's assertion consumer service ends in a console session or the role chooser, as at
 * AWS's sign-in endpoint; SP-initiated sign-ins send an AuthnRequest and accept only its answer.
 */
class SamlSignInIT extends GatehouseServer {

    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    private static final IamClient IAM = admin();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ACCOUNT = StsApiIT.sts(AwsBasicCredentials.create(adminAccessKeyId(), adminSecret()))
            .getCallerIdentity().account();

    @AfterAll
    static void close() {
        IAM.close();
    }

    @Test
    void anIdpInitiatedResponseWithOneRoleEndsInAConsoleSessionForThatRole() throws Exception {
        IdentityProvider idp = newIdp();
        String provider = givenProvider(idp);
        String role = givenRole(provider);
        String acs = url("/signin/saml/acs");

        HttpResponse<String> signedIn = post(acs, SignedSamlResponse.offering(idp, roleArn(role), provider, "alice")
                .addressedTo(acs).base64(), "application/json", null);

        assertEquals(200, signedIn.statusCode(), signedIn.body());
        String cookie = setCookie(signedIn, "gatehouse_console");
        assertTrue(cookie.contains("HttpOnly"), cookie);
        Map<String, Object> session = JSONObjectUtils.parse(signedIn.body());
        assertEquals(assumed(role, "alice"), session.get("principalArn"));
        assertEquals("SAML Role attribute", session.get("mappedBy"));
        HttpResponse<String> caller = send(HttpRequest.newBuilder(endpoint().resolve("/api/v1/caller"))
                .header("Authorization", "Bearer " + session.get("token")).GET().build());
        assertEquals(200, caller.statusCode(), caller.body());
        assertEquals(assumed(role, "alice"), JSONObjectUtils.parse(caller.body()).get("arn"));
    }

    @Test
    void twoRolesInTheRoleAttributeAreOfferedAndTheChosenOneIsAssumed() throws Exception {
        IdentityProvider idp = newIdp();
        String provider = givenProvider(idp);
        String developer = givenRole(provider);
        String auditor = givenRole(provider);
        String acs = url("/signin/saml/acs");
        String response = new SignedSamlResponse(idp).addressedTo(acs)
                .attribute("https://aws.amazon.com/SAML/Attributes/Role", roleArn(developer) + "," + provider,
                        provider + "," + roleArn(auditor))
                .attribute("https://aws.amazon.com/SAML/Attributes/RoleSessionName", "alice").base64();

        HttpResponse<String> chooser = post(acs, response, "text/html", null);

        assertEquals(200, chooser.statusCode(), chooser.body());
        assertTrue(chooser.body().contains(roleArn(developer)) && chooser.body().contains(roleArn(auditor)),
                chooser.body());
        Matcher hidden = Pattern.compile("name=\"choiceToken\" value=\"([^\"]+)\"").matcher(chooser.body());
        assertTrue(hidden.find(), chooser.body());
        String binding = setCookie(chooser, "gatehouse_signin").split(";")[0];
        String form = "choiceToken=" + encode(hidden.group(1)) + "&roleArn=" + encode(roleArn(auditor));
        HttpResponse<String> chosen = postForm("/signin/role", form, "application/json", binding);
        assertEquals(200, chosen.statusCode(), chosen.body());
        assertEquals(assumed(auditor, "alice"), JSONObjectUtils.parse(chosen.body()).get("principalArn"));
    }

    @Test
    void aRoleMappingRuleChoosesTheRoleWhenTheResponseHasNoRoleAttribute() throws Exception {
        IdentityProvider idp = newIdp();
        String provider = givenProvider(idp);
        String role = givenRole(provider);
        HttpResponse<String> rules = rest("PUT", "/api/v1/providers/" + encodedArn(provider) + "/role-mappings", """
                {"mode": "FIRST_MATCH",
                 "rules": [{"name": "engineers", "conditions": [{"claim": "department", "equals": ["Engineering"]}],
                            "role": "%s"}]}""".formatted(roleArn(role)));
        assertEquals(204, rules.statusCode(), rules.body());
        String acs = url("/signin/saml/acs/" + ACCOUNT + "/" + name(provider));

        HttpResponse<String> signedIn = post(acs, new SignedSamlResponse(idp).addressedTo(acs)
                .attribute("department", "Engineering").base64(), "application/json", null);

        assertEquals(200, signedIn.statusCode(), signedIn.body());
        Map<String, Object> session = JSONObjectUtils.parse(signedIn.body());
        assertEquals("engineers", session.get("mappedBy"));
        // Without RoleSessionName the session is named after the NameID.
        assertEquals(assumed(role, "alice@example.com"), session.get("principalArn"));
    }

    @Test
    void anSpInitiatedSignInSendsAnAuthnRequestAndAcceptsOnlyItsAnswer() throws Exception {
        IdentityProvider idp = newIdp();
        String provider = givenProvider(idp);
        String role = givenRole(provider);
        String acs = url("/signin/saml/acs/" + ACCOUNT + "/" + name(provider));

        HttpResponse<String> start = send(HttpRequest.newBuilder(endpoint().resolve("/signin/saml/" + ACCOUNT + "/"
                + name(provider) + "?RelayState=console")).GET().build());

        assertEquals(302, start.statusCode(), start.body());
        URI location = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertEquals(SignedSamlResponse.SSO_REDIRECT, location.getScheme() + "://" + location.getHost()
                + location.getPath());
        Map<String, String> query = query(location);
        assertEquals("console", query.get("RelayState"));
        Element request = inflate(query.get("SAMLRequest")).getDocumentElement();
        assertEquals("AuthnRequest", request.getLocalName());
        assertEquals(PROTOCOL, request.getNamespaceURI());
        assertEquals(acs, request.getAttribute("AssertionConsumerServiceURL"));
        assertEquals(SignedSamlResponse.SSO_REDIRECT, request.getAttribute("Destination"));
        String requestId = request.getAttribute("ID");

        HttpResponse<String> other = post(acs, SignedSamlResponse.offering(idp, roleArn(role), provider, "alice")
                .addressedTo(acs).inResponseTo("_" + unique("another-request")).base64(), "application/json", null);
        assertEquals(400, other.statusCode(), other.body());
        assertEquals("InvalidIdentityToken", JSONObjectUtils.parse(other.body()).get("code"));
        HttpResponse<String> answer = post(acs, SignedSamlResponse.offering(idp, roleArn(role), provider, "alice")
                .addressedTo(acs).inResponseTo(requestId).base64(), "application/json", null);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(assumed(role, "alice"), JSONObjectUtils.parse(answer.body()).get("principalArn"));
    }

    @Test
    void aReplayedResponseIsRefused() throws Exception {
        IdentityProvider idp = newIdp();
        String provider = givenProvider(idp);
        String role = givenRole(provider);
        String acs = url("/signin/saml/acs");
        String response = SignedSamlResponse.offering(idp, roleArn(role), provider, "alice").addressedTo(acs).base64();
        assertEquals(200, post(acs, response, "application/json", null).statusCode());

        HttpResponse<String> replayed = post(acs, response, "application/json", null);

        assertEquals(400, replayed.statusCode(), replayed.body());
        assertEquals("SAML Assertion has already been used", JSONObjectUtils.parse(replayed.body()).get("message"));
    }

    @Test
    void anUnsignedResponseIsRefusedWithoutASession() throws Exception {
        IdentityProvider idp = newIdp();
        String provider = givenProvider(idp);
        String role = givenRole(provider);
        String acs = url("/signin/saml/acs");

        HttpResponse<String> refused = post(acs, SignedSamlResponse.offering(idp, roleArn(role), provider, "alice")
                .addressedTo(acs).unsigned().base64(), "text/html", null);

        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("InvalidIdentityToken") && refused.body().contains("not signed"),
                refused.body());
        assertFalse(refused.headers().allValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("gatehouse_console")));
    }

    @Test
    void theMetadataDescribesGatehouseAsAServiceProviderWithItsConsumerService() throws Exception {
        HttpResponse<String> metadata = send(HttpRequest.newBuilder(endpoint().resolve("/signin/saml/metadata"))
                .GET().build());

        assertEquals(200, metadata.statusCode(), metadata.body());
        Element entity = parse(metadata.body().getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        assertEquals("EntityDescriptor", entity.getLocalName());
        assertFalse(entity.getAttribute("entityID").isEmpty(), metadata.body());
        Element descriptor = (Element) entity.getElementsByTagNameNS(MD, "SPSSODescriptor").item(0);
        assertEquals("true", descriptor.getAttribute("WantAssertionsSigned"));
        Element consumer = (Element) descriptor.getElementsByTagNameNS(MD, "AssertionConsumerService").item(0);
        assertEquals(url("/signin/saml/acs"), consumer.getAttribute("Location"));
        assertEquals("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST", consumer.getAttribute("Binding"));
    }

    // --- the identity provider, its SAML provider, the role ---

    private static IdentityProvider newIdp() {
        return IdentityProvider.generate("https://idp-" + unique("s") + ".example.com/saml");
    }

    private static String givenProvider(IdentityProvider idp) {
        return IAM.createSAMLProvider(b -> b.name(unique("idp")).samlMetadataDocument(idp.metadata()))
                .samlProviderArn();
    }

    private static String givenRole(String provider) {
        String name = unique("Console");
        IAM.createRole(b -> b.roleName(name).assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"%s"},
                 "Action":"sts:AssumeRoleWithSAML"}]}""".formatted(provider)));
        return name;
    }

    private static String roleArn(String role) {
        return "arn:aws:iam::" + ACCOUNT + ":role/" + role;
    }

    private static String assumed(String role, String session) {
        return "arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/" + session;
    }

    private static String name(String providerArn) {
        return providerArn.substring(providerArn.lastIndexOf('/') + 1);
    }

    private static String url(String path) {
        return endpoint().resolve(path).toString();
    }

    // --- SAML bindings ---

    private static Map<String, String> query(URI location) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    /** HTTP-Redirect binding: base64, then raw DEFLATE. */
    private static Document inflate(String samlRequest) throws Exception {
        Inflater inflater = new Inflater(true);
        inflater.setInput(Base64.getDecoder().decode(samlRequest));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && inflater.needsInput()) {
                break;
            }
            out.write(buffer, 0, n);
        }
        inflater.end();
        return parse(out.toByteArray());
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    // --- HTTP ---

    private static HttpResponse<String> post(String acs, String samlResponse, String accept, String cookie) {
        return postForm(URI.create(acs).getPath(), "SAMLResponse=" + encode(samlResponse) + "&RelayState=console",
                accept, cookie);
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

    private static String setCookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie: " + response.headers()));
    }

    private static String token;

    private static synchronized String token() throws Exception {
        if (token == null) {
            SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                    .uri(endpoint().resolve("/api/v1/sessions")).build();
            HttpResponse<String> response = SignedHttp.send(SignedHttp.sign(request, "",
                    AwsCredentialsIdentity.create(adminAccessKeyId(), adminSecret()), "sts"), "");
            assertEquals(200, response.statusCode(), response.body());
            token = (String) JSONObjectUtils.parse(response.body()).get("token");
        }
        return token;
    }

    private static HttpResponse<String> rest(String method, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(endpoint().resolve(path)).header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
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

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Liberty refuses an encoded '/' in a path, so the ARN's slashes stay as they are. */
    private static String encodedArn(String arn) {
        return encode(arn).replace("%2F", "/");
    }
}
