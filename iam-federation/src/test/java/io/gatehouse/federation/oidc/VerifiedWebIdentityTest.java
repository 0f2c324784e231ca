package io.gatehouse.federation.oidc;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A verified identity's claims, as role mapping rules will read them. */
class VerifiedWebIdentityTest {

    private static final OidcProviderTrust PROVIDER = OidcProviderTrust.of("https://idp.example.com", "app");

    @Test
    void flattensStringsNumbersBooleansAndArraysToStrings() {
        VerifiedWebIdentity identity = identity(Map.of(
                "email", "a@example.com", "level", 42L, "ratio", 1.50, "admin", true,
                "groups", List.of("dev", 7L, false, Map.of("nested", "object"), List.of("nested-array"))));

        assertEquals(List.of("a@example.com"), identity.claimValues("email"));
        assertEquals(List.of("42"), identity.claimValues("level"));
        assertEquals(List.of("1.5"), identity.claimValues("ratio"));
        assertEquals(List.of("true"), identity.claimValues("admin"));
        assertEquals(List.of("dev", "7", "false"), identity.claimValues("groups"));
    }

    @Test
    void givesNoValuesForAbsentClaimOrJsonObject() {
        VerifiedWebIdentity identity = identity(Map.of("address", Map.of("country", "NO")));

        assertEquals(List.of(), identity.claimValues("address"));
        assertEquals(List.of(), identity.claimValues("missing"));
    }

    @Test
    void keepsAnImmutableCopyOfTheClaims() {
        List<Object> groups = new ArrayList<>(List.of("dev"));
        Map<String, Object> claims = new HashMap<>(Map.of("groups", groups));
        VerifiedWebIdentity identity = identity(claims);

        groups.add("ops");
        claims.put("late", "value");

        assertEquals(List.of("dev"), identity.claimValues("groups"));
        assertEquals(false, identity.claims().containsKey("late"));
        assertThrows(UnsupportedOperationException.class, () -> identity.claims().put("x", "y"));
        assertThrows(UnsupportedOperationException.class, () -> ((List<?>) identity.claims().get("groups")).clear());
    }

    @Test
    void dropsJsonNullsAndWritesDatesAsEpochSeconds() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("nothing", null);
        claims.put("exp", Date.from(Instant.ofEpochSecond(1_700_000_000L)));
        claims.put("list", Arrays.asList("a", null, "b"));

        VerifiedWebIdentity identity = identity(claims);

        assertEquals(false, identity.claims().containsKey("nothing"));
        assertEquals(1_700_000_000L, identity.claims().get("exp"));
        assertEquals(List.of("a", "b"), identity.claimValues("list"));
    }

    private static VerifiedWebIdentity identity(Map<String, Object> claims) {
        return new VerifiedWebIdentity(PROVIDER, "https://idp.example.com", "subject", "app", List.of(),
                Instant.EPOCH, Instant.EPOCH.plusSeconds(60), claims);
    }
}
