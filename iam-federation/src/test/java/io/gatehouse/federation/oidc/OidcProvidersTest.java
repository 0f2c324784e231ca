package io.gatehouse.federation.oidc;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Finding the registered provider for a token's issuer. */
class OidcProvidersTest {

    private final OidcProviderTrust example = OidcProviderTrust.of("https://idp.example.com/tenant", "app");
    private final OidcProviders providers = OidcProviders.of(example,
            OidcProviderTrust.of("https://other.example.com", "app"));

    @Test
    void findsProviderByExactIssuer() {
        assertEquals(Optional.of(example), providers.byIssuer("https://idp.example.com/tenant"));
    }

    @Test
    void findsProviderIgnoringSchemeAndHostCaseAndTrailingSlash() {
        assertEquals(Optional.of(example), providers.byIssuer("HTTPS://IDP.Example.com/tenant/"));
    }

    @Test
    void comparesPathCaseSensitively() {
        assertEquals(Optional.empty(), providers.byIssuer("https://idp.example.com/Tenant"));
    }

    @Test
    void findsNothingForUnregisteredIssuer() {
        assertEquals(Optional.empty(), providers.byIssuer("https://idp.example.com/another-tenant"));
    }

    @Test
    void findsNothingForIssuerThatCannotBeAProviderUrl() {
        assertEquals(Optional.empty(), providers.byIssuer("http://idp.example.com/tenant"));
        assertEquals(Optional.empty(), providers.byIssuer("not a url"));
    }

    @Test
    void refusesTwoRegistrationsOfOneIssuer() {
        assertThrows(IllegalArgumentException.class, () -> OidcProviders.of(example,
                OidcProviderTrust.of("https://IDP.example.com/tenant/", "other-app")));
    }

    @Test
    void refusesProviderUrlOutsideHttpsOrLoopback() {
        IamException refused = assertThrows(IamException.class, () -> OidcProviderTrust.of("http://idp.example.com", "app"));

        assertEquals(ErrorCode.INVALID_INPUT, refused.code());
    }

    @Test
    void refusesBlankClientId() {
        assertThrows(IllegalArgumentException.class, () -> OidcProviderTrust.of("https://idp.example.com", " "));
    }

    @Test
    void refusesMoreClientIdsThanAwsAllows() {
        List<String> clientIds = Collections.nCopies(OidcProviderTrust.MAX_CLIENT_IDS + 1, "app");

        assertThrows(IllegalArgumentException.class,
                () -> new OidcProviderTrust(example.issuer(), clientIds));
    }

    @Test
    void matchesClientIdsExactly() {
        assertEquals(List.of(true, false), List.of(example.hasClientId("app"), example.hasClientId("APP")));
    }
}
