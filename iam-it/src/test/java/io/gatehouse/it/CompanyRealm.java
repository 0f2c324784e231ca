package io.gatehouse.it;

import io.gatehouse.federation.keycloak.Browser;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A company's realm on the suite's {@link KeycloakServer}, as it looks when it federates to AWS:
 * group /engineering/dev holds the realm role named as an AWS role pair
 * ({@code <role-arn>,<provider-arn>}), alice is in that group, bob only in /finance. Its users sign
 * in as a browser would, at Keycloak's own login form.
 */
final class CompanyRealm {

    static final String ALICE = "alice";
    static final String ALICE_PASSWORD = "alice-Passw0rd!";
    static final String BOB = "bob";
    static final String BOB_PASSWORD = "bob-Passw0rd!";
    static final String DEV_GROUP = "/engineering/dev";
    static final String FINANCE_GROUP = "/finance";

    private static final SecureRandom RANDOM = new SecureRandom();

    final String name;
    final String aliceId;

    private CompanyRealm(String name, String aliceId) {
        this.name = name;
        this.aliceId = aliceId;
    }

    /** A fresh realm whose /engineering/dev group maps to {@code rolePair} in the SAML Role attribute. */
    static CompanyRealm create(String name, String rolePair) {
        try (Keycloak admin = KeycloakServer.admin()) {
            RealmRepresentation representation = new RealmRepresentation();
            representation.setRealm(name);
            representation.setEnabled(true);
            admin.realms().create(representation);
            RealmResource realm = admin.realm(name);
            RoleRepresentation role = new RoleRepresentation();
            role.setName(rolePair);
            realm.roles().create(role);
            String engineering = group(realm, null, "engineering");
            String dev = group(realm, engineering, "dev");
            realm.groups().group(dev).roles().realmLevel().add(List.of(realm.roles().get(rolePair).toRepresentation()));
            String finance = group(realm, null, "finance");
            String alice = user(realm, ALICE, ALICE_PASSWORD);
            realm.users().get(alice).joinGroup(dev);
            String bob = user(realm, BOB, BOB_PASSWORD);
            realm.users().get(bob).joinGroup(finance);
            return new CompanyRealm(name, alice);
        }
    }

    URI url() {
        return URI.create(KeycloakServer.url() + "/realms/" + name);
    }

    /** IdP-initiated sign-in at {@code signInUrl}: the SAMLResponse of the page that would post it on. */
    String samlResponse(URI signInUrl, String username, String password) {
        Browser browser = new Browser(KeycloakServer.url());
        Browser.Page page = browser.signIn(browser.get(signInUrl), username, password);
        return Browser.hiddenField(page, "SAMLResponse")
                .orElseThrow(() -> new AssertionError("No SAMLResponse on " + page.uri() + ": " + page.html()));
    }

    /** The authorization code flow with PKCE for a confidential client: the ID token it ends with. */
    String idToken(String clientId, String clientSecret, URI redirectUri, String username, String password) {
        String verifier = random();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri.toString());
        query.put("response_type", "code");
        query.put("scope", "openid");
        query.put("state", random());
        query.put("nonce", random());
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        Browser browser = new Browser(KeycloakServer.url());
        Browser.Page login = browser.get(URI.create(url() + "/protocol/openid-connect/auth?"
                + Browser.encode(query)));
        String location = browser.signIn(login, username, password).location()
                .orElseThrow(() -> new AssertionError(username + " was not redirected back with a code"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", queryParameters(URI.create(location)).get("code"));
        form.put("redirect_uri", redirectUri.toString());
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        form.put("code_verifier", verifier);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Browser.encode(form))).build();
        try {
            HttpResponse<String> tokens = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (tokens.statusCode() != 200) {
                throw new AssertionError("Keycloak's token endpoint answered " + tokens.statusCode() + ": " + tokens.body());
            }
            return (String) JSONObjectUtils.parse(tokens.body()).get("id_token");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ParseException e) {
            throw new AssertionError("The token response is not JSON", e);
        }
    }

    private static Map<String, String> queryParameters(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String group(RealmResource realm, String parentId, String name) {
        GroupRepresentation group = new GroupRepresentation();
        group.setName(name);
        try (Response created = parentId == null ? realm.groups().add(group)
                : realm.groups().group(parentId).subGroup(group)) {
            return CreatedResponseUtil.getCreatedId(created);
        }
    }

    private static String user(RealmResource realm, String username, String password) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setFirstName(username);
        user.setLastName("Example");
        user.setEmail(username + "@example.com");
        user.setEmailVerified(true);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));
        try (Response created = realm.users().create(user)) {
            return CreatedResponseUtil.getCreatedId(created);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
