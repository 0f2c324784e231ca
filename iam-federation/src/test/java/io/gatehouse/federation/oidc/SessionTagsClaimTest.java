package io.gatehouse.federation.oidc;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Tag;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** AWS's session tags claim of web identity tokens, read from JSON claims and from flattened ones. */
class SessionTagsClaimTest {

    private static Map<String, Object> token(Object tagsClaim) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "alice");
        claims.put(SessionTagsClaim.CLAIM, tagsClaim);
        return claims;
    }

    @Test
    void readsPrincipalTagsAndTransitiveKeys() {
        SessionTagsClaim read = SessionTagsClaim.read(token(Map.of(
                "principal_tags", Map.of("Department", List.of("Engineering")),
                "transitive_tag_keys", List.of("Department"))));

        assertEquals(List.of(new Tag("Department", "Engineering")), read.tags());
        assertEquals(Set.of("Department"), read.transitiveTagKeys());
    }

    @Test
    void aTokenWithoutTheClaimCarriesNoTags() {
        assertEquals(SessionTagsClaim.NONE, SessionTagsClaim.read(Map.of("sub", "alice")));
    }

    @Test
    void readsTheSameTagsFromFlattenedClaims() {
        Map<String, List<String>> flat = Map.of(
                SessionTagsClaim.CLAIM + ".principal_tags.Department", List.of("Engineering"),
                SessionTagsClaim.CLAIM + ".transitive_tag_keys", List.of("Department"),
                "email", List.of("alice@example.com"));

        SessionTagsClaim read = SessionTagsClaim.readFlat(flat);

        assertEquals(List.of(new Tag("Department", "Engineering")), read.tags());
        assertEquals(Set.of("Department"), read.transitiveTagKeys());
    }

    @Test
    void refusesATagWithSeveralValues() {
        IamException e = assertThrows(IamException.class, () -> SessionTagsClaim.read(token(Map.of(
                "principal_tags", Map.of("Project", List.of("a", "b"))))));

        assertEquals(ErrorCode.INVALID_IDENTITY_TOKEN, e.code());
        assertEquals("Principal tag Project must have exactly one value in the token", e.getMessage());
    }

    @Test
    void refusesTransitiveKeysThatAreNotPrincipalTags() {
        IamException e = assertThrows(IamException.class, () -> SessionTagsClaim.read(token(Map.of(
                "principal_tags", Map.of("Project", List.of("a")), "transitive_tag_keys", List.of("CostCenter")))));

        assertEquals(ErrorCode.INVALID_IDENTITY_TOKEN, e.code());
    }

    @Test
    void refusesTheReservedAwsPrefix() {
        IamException e = assertThrows(IamException.class, () -> SessionTagsClaim.read(token(Map.of(
                "principal_tags", Map.of("aws:Project", List.of("a"))))));

        assertEquals(ErrorCode.INVALID_IDENTITY_TOKEN, e.code());
    }

    @Test
    void refusesKeysThatDifferOnlyInCase() {
        Map<String, Object> tags = new LinkedHashMap<>();
        tags.put("Project", List.of("a"));
        tags.put("project", List.of("b"));

        assertThrows(IamException.class, () -> SessionTagsClaim.read(token(Map.of("principal_tags", tags))));
    }

    @Test
    void refusesAClaimThatIsNotAnObject() {
        assertThrows(IamException.class, () -> SessionTagsClaim.read(token("Department=Engineering")));
    }
}
