package io.gatehouse.web.signin;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.SealedSecret;
import io.gatehouse.core.credential.SecretCipher;
import io.gatehouse.core.error.IamException;
import io.gatehouse.federation.login.PendingLogin;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * A sign-in sent to its provider and not yet back, sealed (AES-GCM under the master key) into the
 * cookie the browser brings to the callback, so that no node keeps state for it: the account and
 * sign-in provider it was started for and the {@link PendingLogin} with its state, nonce and PKCE
 * verifier. How old it may be is the authorization code flow's rule.
 */
final class OidcPendingCookie {

    static final String NAME = "gatehouse_oidc";
    private static final byte[] PURPOSE = "gatehouse:oidc-pending-login".getBytes(StandardCharsets.UTF_8);

    record Opened(AccountId account, String providerName, PendingLogin pending) {
    }

    private OidcPendingCookie() {
    }

    static String seal(SecretCipher cipher, AccountId account, String providerName, PendingLogin pending) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("account", account.value())
                .add("provider", providerName)
                .add("loginProvider", pending.providerName())
                .add("state", pending.state())
                .add("verifier", pending.codeVerifier())
                .add("redirect", pending.redirectUri().toString())
                .add("started", pending.startedAt().toEpochMilli());
        pending.nonce().ifPresent(nonce -> body.add("nonce", nonce));
        SealedSecret sealed = cipher.seal(body.build().toString().getBytes(StandardCharsets.UTF_8), PURPOSE);
        return sealed.keyId() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed.ciphertext());
    }

    /** AccessDenied for anything this server did not seal. */
    static Opened open(SecretCipher cipher, String value) {
        try {
            int dot = value.indexOf('.');
            if (dot <= 0) {
                throw refused();
            }
            byte[] plain = cipher.open(new SealedSecret(value.substring(0, dot),
                    Base64.getUrlDecoder().decode(value.substring(dot + 1))), PURPOSE);
            JsonObject body;
            try (JsonReader reader = Json.createReader(new StringReader(new String(plain, StandardCharsets.UTF_8)))) {
                body = reader.readObject();
            }
            PendingLogin pending = new PendingLogin(body.getString("loginProvider"), body.getString("state"),
                    Optional.ofNullable(body.getString("nonce", null)), body.getString("verifier"),
                    URI.create(body.getString("redirect")), Instant.ofEpochMilli(body.getJsonNumber("started").longValue()));
            return new Opened(new AccountId(body.getString("account")), body.getString("provider"), pending);
        } catch (IllegalArgumentException | IllegalStateException | SecurityException | JsonException
                 | ClassCastException | NullPointerException e) {
            throw refused();
        }
    }

    static IamException missing() {
        return IamException.accessDenied("The sign-in was not started in this browser, or it has expired; sign in again");
    }

    private static IamException refused() {
        return IamException.accessDenied("The sign-in is not valid for this browser; sign in again");
    }
}
