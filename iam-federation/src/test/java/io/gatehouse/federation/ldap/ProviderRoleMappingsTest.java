package io.gatehouse.federation.ldap;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.LdapProvider;
import io.gatehouse.core.identity.Role;
import io.gatehouse.federation.mapping.InvalidRoleMappingException;
import io.gatehouse.federation.mapping.MappingExplanation;
import io.gatehouse.federation.mapping.RuleExplanation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.gatehouse.federation.ldap.FederationFixture.ACCOUNT;
import static io.gatehouse.federation.ldap.FederationFixture.trusting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saving, reading, removing and dry-running a provider's role-mapping rules. */
class ProviderRoleMappingsTest {

    private final TestDirectory directory = new TestDirectory();
    private final FederationFixture fixture = new FederationFixture();
    private final LdapProvider provider = fixture.givenProvider("corp", directory);
    private final Role dev = fixture.givenRole("Dev", trusting(provider.arn()));
    private final String rules = "{\"mode\": \"FIRST_MATCH\",\n \"rules\": [{\"name\": \"devs\", \"conditions\": "
            + "[{\"memberOf\": \"Developers\"}], \"role\": \"" + dev.arn() + "\"}]}";

    ProviderRoleMappingsTest() throws Exception {
    }

    @AfterEach
    void close() {
        fixture.close();
        directory.close();
    }

    @Test
    void savesTheDocumentAsGiven() {
        fixture.mappings.put(ACCOUNT, provider.arn().toString(), rules);

        assertEquals(rules, fixture.mappings.document(ACCOUNT, provider.arn().toString()));
    }

    @Test
    void refusesAnInvalidDocumentWithItsPathAndPositionAndKeepsTheOldOne() {
        fixture.mappings.put(ACCOUNT, provider.arn().toString(), rules);

        InvalidRoleMappingException e = assertThrows(InvalidRoleMappingException.class, () -> fixture.mappings.put(
                ACCOUNT, provider.arn().toString(), "{\"mode\": \"FIRST_MATCH\",\n \"rules\": [{\"name\": \"x\", "
                        + "\"conditions\": [], \"role\": \"arn:aws:s3:::bucket\"}]}"));

        assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
        assertEquals("rules[0].role", e.path());
        assertEquals(2, e.position().orElseThrow().line());
        assertEquals(rules, fixture.mappings.document(ACCOUNT, provider.arn().toString()));
    }

    @Test
    void refusesRulesForAProviderThatDoesNotExist() {
        IamException saml = assertThrows(IamException.class, () -> fixture.mappings.put(ACCOUNT,
                "arn:aws:iam::111111111111:saml-provider/okta", rules));
        IamException ldap = assertThrows(IamException.class, () -> fixture.mappings.put(ACCOUNT,
                LdapProvider.arn(ACCOUNT, "lab").toString(), rules));

        assertEquals(ErrorCode.NO_SUCH_ENTITY, saml.code());
        assertEquals(ErrorCode.NO_SUCH_ENTITY, ldap.code());
        assertTrue(fixture.documents.isEmpty());
    }

    @Test
    void refusesAnArnThatIsNotAnIdentityProvider() {
        IamException e = assertThrows(IamException.class,
                () -> fixture.mappings.put(ACCOUNT, dev.arn().toString(), rules));

        assertEquals(ErrorCode.INVALID_INPUT, e.code());
    }

    @Test
    void deletingRemovesTheRulesAndASecondDeleteFindsNone() {
        fixture.mappings.put(ACCOUNT, provider.arn().toString(), rules);

        fixture.mappings.delete(ACCOUNT, provider.arn().toString());

        IamException e = assertThrows(IamException.class,
                () -> fixture.mappings.delete(ACCOUNT, provider.arn().toString()));
        assertEquals(ErrorCode.NO_SUCH_ENTITY, e.code());
    }

    @Test
    void theDryRunExplainsEachRuleWithTheValuesItSaw() {
        fixture.mappings.put(ACCOUNT, provider.arn().toString(), rules);

        MappingExplanation matched = fixture.mappings.dryRun(ACCOUNT, provider.arn().toString(), "alice",
                Map.of(), List.of("Developers"));
        MappingExplanation missed = fixture.mappings.dryRun(ACCOUNT, provider.arn().toString(), "bob",
                Map.of(), List.of("Red"));

        assertEquals(RuleExplanation.Verdict.MATCHED, matched.rules().get(0).verdict());
        assertEquals(dev.arn(), matched.candidates().get(0).roleArn());
        assertEquals(RuleExplanation.Verdict.CONDITIONS_NOT_MET, missed.rules().get(0).verdict());
        assertEquals(List.of("Red"), missed.rules().get(0).conditions().get(0).valuesSeen());
    }
}
