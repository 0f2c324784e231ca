package io.gatehouse.federation.mapping;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import io.gatehouse.core.policy.eval.Glob;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One test a mapping rule makes of a federated identity. A claim may carry several values (a SAML
 * attribute with several AttributeValues, an OIDC array claim): a claim condition holds when
 * <em>any</em> value satisfies it, as IAM's {@code ForAnyValue} does, and never holds for a claim
 * the provider did not send.
 */
public sealed interface MappingCondition {

    int MAX_CLAIM_NAME = 256;
    int MAX_VALUES = 50;
    int MAX_VALUE = 1024;

    /** Whether the identity satisfies the condition. */
    boolean holdsFor(FederatedIdentity identity);

    /** What the condition looked at, for the dry run: the claim's values, or the identity's groups. */
    List<String> valuesSeen(FederatedIdentity identity);

    /** The condition in words, for the dry run. */
    String describe();

    /** The claim has a value equal to one of {@code anyOf}; compared exactly unless {@code ignoreCase}. */
    record ClaimEquals(String claim, List<String> anyOf, boolean ignoreCase) implements MappingCondition {
        public ClaimEquals {
            checkClaim(claim);
            anyOf = List.copyOf(anyOf);
            if (anyOf.isEmpty() || anyOf.size() > MAX_VALUES) {
                throw new InvalidRoleMappingException("equals", "must list 1 to " + MAX_VALUES + " values");
            }
            for (int i = 0; i < anyOf.size(); i++) {
                checkLength("equals[" + i + "]", anyOf.get(i), 0);
            }
        }

        public boolean holdsFor(FederatedIdentity identity) {
            return identity.values(claim).stream().anyMatch(v -> anyOf.stream().anyMatch(
                    wanted -> ignoreCase ? wanted.equalsIgnoreCase(v) : wanted.equals(v)));
        }

        public List<String> valuesSeen(FederatedIdentity identity) {
            return identity.values(claim);
        }

        public String describe() {
            return "claim " + JsonText.quote(claim) + " equals one of " + JsonText.quoteAll(anyOf)
                    + (ignoreCase ? " ignoring case" : "");
        }
    }

    /**
     * The claim has a value matching {@code pattern}, IAM's {@code StringLike}: {@code *} matches any
     * run of characters, {@code ?} one character, everything else itself. Matching takes time
     * proportional to pattern times value at worst, never exponential.
     */
    record ClaimLike(String claim, String pattern, boolean ignoreCase) implements MappingCondition {
        public ClaimLike {
            checkClaim(claim);
            checkLength("like", pattern, 1);
            // Glob marks wildcards with these private-use characters; as literals they would act as wildcards.
            if (pattern.indexOf(Glob.STAR) >= 0 || pattern.indexOf(Glob.ANY_CHAR) >= 0) {
                throw new InvalidRoleMappingException("like", "must not contain the characters U+E000 or U+E001");
            }
        }

        public boolean holdsFor(FederatedIdentity identity) {
            String compiled = Glob.compile(fold(pattern));
            return identity.values(claim).stream().anyMatch(v -> Glob.matches(compiled, fold(v)));
        }

        private String fold(String text) {
            return ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
        }

        public List<String> valuesSeen(FederatedIdentity identity) {
            return identity.values(claim);
        }

        public String describe() {
            return "claim " + JsonText.quote(claim) + " like " + JsonText.quote(pattern)
                    + (ignoreCase ? " ignoring case" : "");
        }
    }

    /** The provider sent the claim with at least one value (an empty string counts). */
    record ClaimPresent(String claim) implements MappingCondition {
        public ClaimPresent {
            checkClaim(claim);
        }

        public boolean holdsFor(FederatedIdentity identity) {
            return !identity.values(claim).isEmpty();
        }

        public List<String> valuesSeen(FederatedIdentity identity) {
            return identity.values(claim);
        }

        public String describe() {
            return "claim " + JsonText.quote(claim) + " is present";
        }
    }

    /**
     * The identity belongs to the group, named exactly (ignoring case) or by its full distinguished
     * name, compared as DNs so that spacing and case do not matter. A group's common name alone
     * never matches its DN: the same name may exist in several organizational units.
     */
    record MemberOf(String group) implements MappingCondition {
        public MemberOf {
            checkLength("memberOf", group, 1);
        }

        public boolean holdsFor(FederatedIdentity identity) {
            return identity.groups().stream().anyMatch(this::names);
        }

        private boolean names(String candidate) {
            if (group.equalsIgnoreCase(candidate)) {
                return true;
            }
            if (group.indexOf('=') < 0 || candidate.indexOf('=') < 0) {
                return false;
            }
            try {
                return DN.equals(group, candidate);
            } catch (LDAPException notBothDistinguishedNames) {
                return false;
            }
        }

        public List<String> valuesSeen(FederatedIdentity identity) {
            return identity.groups();
        }

        public String describe() {
            return "member of " + JsonText.quote(group);
        }
    }

    private static void checkClaim(String claim) {
        Objects.requireNonNull(claim, "claim");
        if (claim.isEmpty() || claim.length() > MAX_CLAIM_NAME) {
            throw new InvalidRoleMappingException("claim", "must be 1 to " + MAX_CLAIM_NAME + " characters");
        }
    }

    private static void checkLength(String field, String value, int min) {
        Objects.requireNonNull(value, field);
        if (value.length() < min || value.length() > MAX_VALUE) {
            throw new InvalidRoleMappingException(field, "must be " + min + " to " + MAX_VALUE + " characters");
        }
    }
}
