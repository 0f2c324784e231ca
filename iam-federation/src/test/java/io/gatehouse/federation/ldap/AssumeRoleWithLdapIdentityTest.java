package io.gatehouse.federation.ldap;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.LdapProvider;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.service.RequestFacts;
import io.gatehouse.core.sts.IssuedSession;
import io.gatehouse.core.sts.SessionPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.gatehouse.federation.ldap.FederationFixture.ACCOUNT;
import static io.gatehouse.federation.ldap.FederationFixture.NOW;
import static io.gatehouse.federation.ldap.FederationFixture.trusting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** AssumeRoleWithLDAPIdentity: the directory proves the password, the rules choose, the trust policy decides. */
class AssumeRoleWithLdapIdentityTest {

    private static final RequestFacts FACTS = new RequestFacts("192.0.2.1", true, NOW);
    private static final String ALICE_PASSWORD = "Wonderland-1865";

    private final TestDirectory directory = new TestDirectory();
    private final FederationFixture fixture = new FederationFixture();
    private final LdapProvider provider = fixture.givenProvider("corp", directory);

    AssumeRoleWithLdapIdentityTest() throws Exception {
    }

    @AfterEach
    void close() {
        fixture.close();
        directory.close();
    }

    private void givenRules(String json) {
        fixture.mappings.put(ACCOUNT, provider.arn().toString(), json);
    }

    private static String firstMatch(String group, Role role) {
        return "{\"mode\": \"FIRST_MATCH\", \"rules\": [{\"name\": \"r\", \"conditions\": [{\"memberOf\": \""
                + group + "\"}], \"role\": \"" + role.arn() + "\"}]}";
    }

    private IssuedSession assume(String user, String password, Optional<String> roleArn) {
        return fixture.federation.assume(new LdapIdentityFederation.Request(provider.arn().toString(), user, password,
                roleArn, Optional.empty(), Optional.empty(), Optional.empty()), FACTS);
    }

    private static IamException refusal(ErrorCode code, org.junit.jupiter.api.function.Executable call) {
        IamException e = assertThrows(IamException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    @Test
    void aDeveloperAssumesTheRoleHerGroupMapsTo() {
        Role dev = fixture.givenRole("Dev", trusting(provider.arn()));
        givenRules(firstMatch("Developers", dev));

        IssuedSession issued = assume("alice", ALICE_PASSWORD, Optional.empty());

        SessionPrincipal.AssumedRole principal = (SessionPrincipal.AssumedRole) issued.session().principal();
        assertEquals("arn:aws:sts::111111111111:assumed-role/Dev/alice", principal.arn().toString());
        assertEquals(issued.session(), fixture.codec.open(issued.sessionToken()));
    }

    @Test
    void aNestedGroupMatchesByItsDistinguishedNameToo() {
        Role staff = fixture.givenRole("Staff", trusting(provider.arn()));
        givenRules(firstMatch("cn=staff, ou=groups, dc=corp, dc=example", staff));

        assertEquals("Staff", ((SessionPrincipal.AssumedRole) assume("alice", ALICE_PASSWORD, Optional.empty())
                .session().principal()).roleName());
    }

    @Test
    void aWrongPasswordIsRefusedLikeAnUnknownUser() {
        givenRules(firstMatch("Developers", fixture.givenRole("Dev", trusting(provider.arn()))));

        IamException wrong = refusal(ErrorCode.ACCESS_DENIED, () -> assume("alice", "guess", Optional.empty()));
        IamException unknown = refusal(ErrorCode.ACCESS_DENIED, () -> assume("mallory", "guess", Optional.empty()));

        assertEquals(wrong.getMessage(), unknown.getMessage());
    }

    @Test
    void withoutRulesNoRoleIsOffered() {
        fixture.givenRole("Dev", trusting(provider.arn()));

        IamException e = refusal(ErrorCode.ACCESS_DENIED, () -> assume("alice", ALICE_PASSWORD, Optional.empty()));

        assertEquals("Not authorized to perform sts:AssumeRoleWithLDAPIdentity: no role mapping matched", e.getMessage());
    }

    @Test
    void aUserInNoMappedGroupIsRefused() {
        givenRules(firstMatch("Developers", fixture.givenRole("Dev", trusting(provider.arn()))));

        refusal(ErrorCode.ACCESS_DENIED, () -> assume("bob", "CanWeFixIt-42", Optional.empty()));
    }

    @Test
    void theRequestedRoleMustBeOneTheRulesOffer() {
        givenRules(firstMatch("Developers", fixture.givenRole("Dev", trusting(provider.arn()))));
        Role admin = fixture.givenRole("Admin", trusting(provider.arn()));

        refusal(ErrorCode.ACCESS_DENIED, () -> assume("alice", ALICE_PASSWORD, Optional.of(admin.arn().toString())));
    }

    @Test
    void severalOfferedRolesNeedRoleArnToChoose() {
        Role dev = fixture.givenRole("Dev", trusting(provider.arn()));
        Role staff = fixture.givenRole("Staff", trusting(provider.arn()));
        givenRules("{\"mode\": \"ALL_MATCHES\", \"rules\": ["
                + "{\"name\": \"devs\", \"conditions\": [{\"memberOf\": \"Developers\"}], \"role\": \"" + dev.arn() + "\"},"
                + "{\"name\": \"staff\", \"conditions\": [{\"memberOf\": \"Staff\"}], \"role\": \"" + staff.arn() + "\"}]}");

        refusal(ErrorCode.VALIDATION_ERROR, () -> assume("alice", ALICE_PASSWORD, Optional.empty()));
        assertEquals("Staff", ((SessionPrincipal.AssumedRole) assume("alice", ALICE_PASSWORD,
                Optional.of(staff.arn().toString())).session().principal()).roleName());
    }

    @Test
    void aTrustPolicyNamingAnotherProviderRefuses() {
        Arn other = LdapProvider.arn(ACCOUNT, "lab");
        givenRules(firstMatch("Developers", fixture.givenRole("Dev", trusting(other))));

        IamException e = refusal(ErrorCode.ACCESS_DENIED, () -> assume("alice", ALICE_PASSWORD, Optional.empty()));

        assertEquals("Not authorized to perform sts:AssumeRoleWithLDAPIdentity", e.getMessage());
    }

    @Test
    void theTrustPolicyMayTestTheUserNameAndGroups() {
        Role dev = fixture.givenRole("Dev", trusting(provider.arn(), ",\"Condition\":{"
                + "\"StringEquals\":{\"ldap:username\":\"alice\"},"
                + "\"ForAnyValue:StringEquals\":{\"ldap:groups\":\"Engineering\"}}"));
        givenRules(firstMatch("Developers", dev));

        assertEquals("Dev", ((SessionPrincipal.AssumedRole) assume("alice", ALICE_PASSWORD, Optional.empty())
                .session().principal()).roleName());
    }

    @Test
    void theRulesSessionTagsReachTheSession() {
        Role dev = fixture.givenRole("Dev", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Federated\":\"" + provider.arn() + "\"},"
                + "\"Action\":[\"sts:AssumeRoleWithLDAPIdentity\",\"sts:TagSession\"]}]}");
        givenRules("{\"mode\": \"FIRST_MATCH\", \"rules\": [{\"name\": \"r\", \"conditions\": [{\"memberOf\": "
                + "\"Developers\"}], \"role\": \"" + dev.arn() + "\", \"sessionTags\": [{\"key\": \"email\", "
                + "\"fromClaim\": \"mail\"}]}]}");

        IssuedSession issued = assume("alice", ALICE_PASSWORD, Optional.empty());

        assertEquals(List.of(new Tag("email", "alice@corp.example")), issued.session().tags());
    }

    @Test
    void aProviderThatDoesNotExistIsNoSuchEntity() {
        refusal(ErrorCode.NO_SUCH_ENTITY, () -> fixture.federation.assume(new LdapIdentityFederation.Request(
                LdapProvider.arn(ACCOUNT, "gone").toString(), "alice", ALICE_PASSWORD, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), FACTS));
    }

    @Test
    void theProviderArnMustNameAnLdapProvider() {
        refusal(ErrorCode.INVALID_PARAMETER_VALUE, () -> fixture.federation.assume(new LdapIdentityFederation.Request(
                "arn:aws:iam::111111111111:saml-provider/okta", "alice", ALICE_PASSWORD, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), FACTS));
    }
}
