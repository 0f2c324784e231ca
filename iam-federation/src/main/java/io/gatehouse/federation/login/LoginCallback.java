package io.gatehouse.federation.login;

import io.gatehouse.core.error.IamException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The checks on the provider's callback before its code is redeemed, in the order that keeps an
 * attacker from learning anything: that it belongs to this pending sign-in (provider, age,
 * {@code state}), that it comes from the provider it was sent to (RFC 9207 {@code iss}, checked
 * for error responses too), that it is its first use, and only then what the provider says.
 */
final class LoginCallback {

    private LoginCallback() {
    }

    /** The authorization code, once the callback is found to belong to {@code pending}. */
    static String check(LoginProvider provider, SignInEndpoints.Route route, PendingLogin pending,
                        Map<String, String> query, Instant now, Duration maxAge, Duration skew, UsedStates used) {
        if (!pending.providerName().equals(provider.name())) {
            throw IamException.accessDenied("The sign-in was started at provider " + pending.providerName()
                    + ", not at " + provider.name());
        }
        Instant expiresAt = pending.startedAt().plus(maxAge);
        if (!now.isBefore(expiresAt)) {
            throw IamException.accessDenied("The sign-in has expired: it was started more than "
                    + maxAge.toMinutes() + " minutes ago; sign in again");
        }
        if (pending.startedAt().isAfter(now.plus(skew))) {
            throw IamException.accessDenied("The sign-in's start time lies in the future; sign in again");
        }
        String state = query.get("state");
        if (state == null || !sameSecret(state, pending.state())) {
            throw IamException.accessDenied("The callback's state does not match the pending sign-in; sign in again");
        }
        String issuer = query.get("iss");
        if (issuer != null && !issuer.equals(route.issuer())) {
            throw IamException.accessDenied("The callback comes from issuer " + ProviderText.description(issuer)
                    + ", not from " + route.issuer() + " where the sign-in was sent (RFC 9207)");
        }
        if (issuer == null && route.issuerInResponse()) {
            throw IamException.accessDenied("The callback carries no iss, which " + route.issuer()
                    + " always sends (RFC 9207); sign in again");
        }
        if (!used.firstUse(pending.state(), expiresAt, now)) {
            throw IamException.accessDenied("The sign-in has already been completed; sign in again");
        }
        String error = query.get("error");
        if (error != null) {
            throw IamException.accessDenied("The identity provider refused the sign-in: "
                    + ProviderText.error(error, query.get("error_description")));
        }
        String code = query.get("code");
        if (code == null || code.isEmpty()) {
            throw IamException.accessDenied("The callback carries neither a code nor an error");
        }
        return code;
    }

    /** Constant-time, so that a guessed state or nonce learns nothing from how long a refusal takes. */
    static boolean sameSecret(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
