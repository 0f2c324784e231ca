package io.gatehouse.federation.mapping;

import org.junit.jupiter.api.Test;

import static io.gatehouse.federation.mapping.IdentityBuilder.identity;
import static io.gatehouse.federation.mapping.RuleBuilder.claimEquals;
import static io.gatehouse.federation.mapping.RuleBuilder.claimEqualsIgnoringCase;
import static io.gatehouse.federation.mapping.RuleBuilder.claimLike;
import static io.gatehouse.federation.mapping.RuleBuilder.claimPresent;
import static io.gatehouse.federation.mapping.RuleBuilder.memberOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MappingConditionTest {

    @Test
    void claimEqualsHoldsForAnyListedValue() {
        MappingCondition condition = claimEquals("department", "R&D", "Engineering");
        assertTrue(condition.holdsFor(identity().claim("department", "Engineering").build()));
        assertFalse(condition.holdsFor(identity().claim("department", "Sales").build()));
    }

    @Test
    void claimEqualsHoldsWhenAnyValueOfAMultiValuedClaimMatches() {
        MappingCondition condition = claimEquals("department", "Engineering");
        assertTrue(condition.holdsFor(identity().claim("department", "Sales", "Engineering").build()));
    }

    @Test
    void claimEqualsComparesCaseByDefault() {
        assertFalse(claimEquals("department", "Engineering")
                .holdsFor(identity().claim("department", "engineering").build()));
    }

    @Test
    void claimEqualsIgnoresCaseWhenAsked() {
        assertTrue(claimEqualsIgnoringCase("department", "Engineering")
                .holdsFor(identity().claim("department", "ENGINEERING").build()));
    }

    @Test
    void claimConditionsNeverHoldForAMissingClaim() {
        FederatedIdentity noDepartment = identity().claim("email", "alice@example.com").build();
        assertFalse(claimEquals("department", "").holdsFor(noDepartment));
        assertFalse(claimLike("department", "*").holdsFor(noDepartment));
        assertFalse(claimPresent("department").holdsFor(noDepartment));
    }

    @Test
    void claimNamesAreComparedExactly() {
        // SAML attribute names and OIDC claim names are case-sensitive.
        assertFalse(claimPresent("Email").holdsFor(identity().claim("email", "alice@example.com").build()));
    }

    @Test
    void claimPresentHoldsForAnEmptyValueButNotForNoValues() {
        assertTrue(claimPresent("nickname").holdsFor(identity().claim("nickname", "").build()));
        assertFalse(claimPresent("nickname").holdsFor(identity().claim("nickname").build()));
    }

    @Test
    void claimLikeMatchesStarAndQuestionMarkAsIamStringLikeDoes() {
        assertTrue(claimLike("email", "*@example.com").holdsFor(identity().claim("email", "alice@example.com").build()));
        assertTrue(claimLike("code", "A?C").holdsFor(identity().claim("code", "ABC").build()));
        assertFalse(claimLike("code", "A?C").holdsFor(identity().claim("code", "AC").build()));
        assertFalse(claimLike("email", "*@example.com").holdsFor(identity().claim("email", "alice@example.org").build()));
    }

    @Test
    void claimLikeTreatsRegularExpressionCharactersAsLiterals() {
        MappingCondition condition = claimLike("email", "*@example.com");
        assertFalse(condition.holdsFor(identity().claim("email", "alice@exampleXcom").build()));
        assertTrue(claimLike("title", "[lead]+(.*)").holdsFor(identity().claim("title", "[lead]+(.*)").build()));
        assertFalse(claimLike("title", "[lead]+").holdsFor(identity().claim("title", "l").build()));
    }

    @Test
    void claimLikeMatchesTheWholeValue() {
        assertFalse(claimLike("email", "alice").holdsFor(identity().claim("email", "alice@example.com").build()));
    }

    @Test
    void claimLikeHoldsWhenAnyValueMatches() {
        assertTrue(claimLike("email", "*@example.com")
                .holdsFor(identity().claim("email", "alice@other.org", "alice@example.com").build()));
    }

    @Test
    void claimLikeIsCaseSensitiveUnlessAsked() {
        FederatedIdentity shouting = identity().claim("email", "ALICE@EXAMPLE.COM").build();
        assertFalse(claimLike("email", "*@example.com").holdsFor(shouting));
        assertTrue(new MappingCondition.ClaimLike("email", "*@example.com", true).holdsFor(shouting));
    }

    @Test
    void memberOfMatchesAGroupNameIgnoringCase() {
        assertTrue(memberOf("Domain Admins").holdsFor(identity().group("Users", "domain admins").build()));
        assertFalse(memberOf("Domain Admins").holdsFor(identity().group("Domain Admins2").build()));
    }

    @Test
    void memberOfComparesDistinguishedNamesAsDistinguishedNames() {
        MappingCondition condition = memberOf("CN=Domain Admins,OU=Groups,DC=example,DC=com");
        assertTrue(condition.holdsFor(identity().group("cn=domain admins, ou=groups, dc=example, dc=com").build()));
        assertFalse(condition.holdsFor(identity().group("CN=Domain Admins,OU=Other,DC=example,DC=com").build()));
    }

    @Test
    void memberOfByCommonNameDoesNotMatchAGroupKnownByItsDistinguishedName() {
        // The same common name may exist in several organizational units.
        assertFalse(memberOf("Domain Admins")
                .holdsFor(identity().group("CN=Domain Admins,OU=Groups,DC=example,DC=com").build()));
    }

    @Test
    void memberOfNeverHoldsForAnIdentityWithoutGroups() {
        assertFalse(memberOf("Users").holdsFor(identity().build()));
    }
}
