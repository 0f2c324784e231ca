package io.gatehouse.federation.saml;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.identity.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.gatehouse.federation.saml.SamlFixtures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AwsSamlAttributesTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/Admins";
    private static final String PROVIDER = "arn:aws:iam::123456789012:saml-provider/Corp";

    private final Map<String, List<String>> attributes = new LinkedHashMap<>(Map.of(
            AwsSamlAttributes.ROLE, List.of(ROLE + "," + PROVIDER),
            AwsSamlAttributes.ROLE_SESSION_NAME, List.of("alice@example.com")));

    @Test
    void readsRoleAndProviderInEitherOrderIgnoringWhitespace() {
        attributes.put(AwsSamlAttributes.ROLE, List.of(ROLE + "," + PROVIDER,
                " " + PROVIDER + " , arn:aws:iam::123456789012:role/ReadOnly "));

        List<SamlRole> roles = read().roles();

        assertEquals(List.of(new SamlRole(Arn.parse(ROLE), Arn.parse(PROVIDER)),
                new SamlRole(Arn.parse("arn:aws:iam::123456789012:role/ReadOnly"), Arn.parse(PROVIDER))), roles);
    }

    @ParameterizedTest
    @ValueSource(strings = {ROLE, ROLE + "," + PROVIDER + "," + ROLE, ROLE + "," + ROLE, PROVIDER + "," + PROVIDER,
            ROLE + ",not-an-arn", ROLE + ",arn:aws:s3:::bucket"})
    void refusesMalformedRolePair(String value) {
        attributes.put(AwsSamlAttributes.ROLE, List.of(value));

        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN, this::read);
        assertTrue(refusal.getMessage().contains(AwsSamlAttributes.ROLE), refusal.getMessage());
    }

    @Test
    void refusesAssertionWithoutRoleAttribute() {
        attributes.remove(AwsSamlAttributes.ROLE);

        refused(ErrorCode.INVALID_IDENTITY_TOKEN, this::read);
    }

    @Test
    void requiresRoleSessionName() {
        attributes.remove(AwsSamlAttributes.ROLE_SESSION_NAME);

        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN, this::read);
        assertEquals("RoleSessionName is required in AuthnResponse.", refusal.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "alice smith", "alice/admin"})
    void refusesRoleSessionNameOutsideAwsConstraint(String name) {
        attributes.put(AwsSamlAttributes.ROLE_SESSION_NAME, List.of(name));

        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN, this::read);
        assertTrue(refusal.getMessage().startsWith("RoleSessionName"), refusal.getMessage());
    }

    @Test
    void refusesRoleSessionNameLongerThan64Characters() {
        attributes.put(AwsSamlAttributes.ROLE_SESSION_NAME, List.of("a".repeat(65)));

        refused(ErrorCode.INVALID_IDENTITY_TOKEN, this::read);
    }

    @Test
    void acceptsSessionDurationAtItsBounds() {
        attributes.put(AwsSamlAttributes.SESSION_DURATION, List.of("900"));
        assertEquals(Optional.of(Duration.ofMinutes(15)), read().sessionDuration());

        attributes.put(AwsSamlAttributes.SESSION_DURATION, List.of("43200"));
        assertEquals(Optional.of(Duration.ofHours(12)), read().sessionDuration());
    }

    @ParameterizedTest
    @ValueSource(strings = {"899", "43201", "one hour", "-1"})
    void refusesSessionDurationOutOfBounds(String seconds) {
        attributes.put(AwsSamlAttributes.SESSION_DURATION, List.of(seconds));

        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN, this::read);
        assertTrue(refusal.getMessage().startsWith("SessionDuration"), refusal.getMessage());
    }

    @Test
    void readsPrincipalTagsTransitiveKeysAndSourceIdentity() {
        attributes.put(AwsSamlAttributes.PRINCIPAL_TAG + "Department", List.of("Engineering"));
        attributes.put(AwsSamlAttributes.PRINCIPAL_TAG + "CostCenter", List.of("12345"));
        attributes.put(AwsSamlAttributes.TRANSITIVE_TAG_KEYS, List.of("Department"));
        attributes.put(AwsSamlAttributes.SOURCE_IDENTITY, List.of("alice"));

        AwsSamlAttributes aws = read();

        assertEquals(List.of(new Tag("Department", "Engineering"), new Tag("CostCenter", "12345")), aws.principalTags());
        assertEquals(List.of("Department"), aws.transitiveTagKeys());
        assertEquals(Optional.of("alice"), aws.sourceIdentity());
    }

    @Test
    void refusesPrincipalTagKeysThatDifferOnlyInCase() {
        attributes.put(AwsSamlAttributes.PRINCIPAL_TAG + "Department", List.of("Engineering"));
        attributes.put(AwsSamlAttributes.PRINCIPAL_TAG + "department", List.of("Sales"));

        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN, this::read);
        assertTrue(refusal.getMessage().contains("Duplicate PrincipalTag keys"), refusal.getMessage());
    }

    @Test
    void refusesMultiValuedPrincipalTag() {
        attributes.put(AwsSamlAttributes.PRINCIPAL_TAG + "Project", List.of("a", "b"));

        refused(ErrorCode.INVALID_IDENTITY_TOKEN, this::read);
    }

    @Test
    void refusesTransitiveTagKeyThatIsNotAPrincipalTag() {
        attributes.put(AwsSamlAttributes.PRINCIPAL_TAG + "Department", List.of("Engineering"));
        attributes.put(AwsSamlAttributes.TRANSITIVE_TAG_KEYS, List.of("Project"));

        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN, this::read);
        assertTrue(refusal.getMessage().contains("subset"), refusal.getMessage());
    }

    @Test
    void refusesSourceIdentityWithReservedPrefix() {
        attributes.put(AwsSamlAttributes.SOURCE_IDENTITY, List.of("aws:alice"));

        refused(ErrorCode.INVALID_IDENTITY_TOKEN, this::read);
    }

    @Test
    void computesNameQualifierAsAwsDocumentsIt() {
        // printf '%s' 'https://example.com/saml123456789012/MySAMLIdP' | openssl sha1 -binary | base64
        assertEquals("1uAJanUnBc2XeUkHURMht+xam2c=", AwsSamlAttributes.nameQualifier("https://example.com/saml",
                new AccountId("123456789012"), "MySAMLIdP"));
    }

    private AwsSamlAttributes read() {
        return AwsSamlAttributes.read(new ValidatedAssertion("_a", Instant.parse("2026-12-01T10:10:00Z"),
                SamlResponseBuilder.IDP, "alice@example.com", "persistent", Optional.empty(), Optional.empty(), attributes));
    }
}
