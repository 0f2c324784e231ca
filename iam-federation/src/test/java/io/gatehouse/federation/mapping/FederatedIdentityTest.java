package io.gatehouse.federation.mapping;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.gatehouse.federation.mapping.IdentityBuilder.PROVIDER;
import static io.gatehouse.federation.mapping.IdentityBuilder.identity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FederatedIdentityTest {

    @Test
    void keepsItsOwnCopyOfClaimsAndGroups() {
        List<String> emails = new ArrayList<>(List.of("alice@example.com"));
        Map<String, List<String>> claims = new HashMap<>(Map.of("email", emails));
        List<String> groups = new ArrayList<>(List.of("Admins"));
        FederatedIdentity identity = new FederatedIdentity(PROVIDER, "alice", claims, groups);
        emails.add("mallory@example.com");
        claims.put("department", List.of("Finance"));
        groups.add("Auditors");
        assertEquals(List.of("alice@example.com"), identity.values("email"));
        assertEquals(List.of(), identity.values("department"));
        assertEquals(List.of("Admins"), identity.groups());
    }

    @Test
    void answersTheFirstValueOfAClaimOrNothing() {
        FederatedIdentity identity = identity().claim("email", "a@example.com", "b@example.com").build();
        assertEquals(Optional.of("a@example.com"), identity.firstValue("email"));
        assertEquals(Optional.empty(), identity.firstValue("phone"));
    }

    @Test
    void refusesAnIdentityWithoutASubject() {
        assertThrows(IllegalArgumentException.class, () -> identity().subject("").build());
    }
}
