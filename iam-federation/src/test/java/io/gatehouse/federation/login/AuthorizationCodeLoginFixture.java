package io.gatehouse.federation.login;

import io.gatehouse.federation.oidc.CachingJwksSource;
import io.gatehouse.federation.oidc.OidcDiscovery;
import io.gatehouse.federation.oidc.WebIdentityTokenVerifier;

import java.security.SecureRandom;
import java.time.Instant;

/** A sign-in client with default settings, for tests that need no provider to answer. */
record AuthorizationCodeLoginFixture(AuthorizationCodeLogin login) {

    AuthorizationCodeLoginFixture() {
        this(create());
    }

    private static AuthorizationCodeLogin create() {
        SettableClock clock = new SettableClock(Instant.parse("2025-03-01T09:00:00Z"));
        OidcDiscovery discovery = new OidcDiscovery();
        return new AuthorizationCodeLogin(new BackChannel(), discovery,
                new WebIdentityTokenVerifier(new CachingJwksSource(discovery, clock), clock), clock, new SecureRandom());
    }
}
