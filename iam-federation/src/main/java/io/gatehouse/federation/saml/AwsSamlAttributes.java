package io.gatehouse.federation.saml;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.identity.Tag;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static io.gatehouse.federation.saml.SamlXml.invalid;

/**
 * The attributes AWS reads from a SAML assertion for AssumeRoleWithSAML and console sign-in
 * ("Configure SAML assertions for the authentication response"), checked as AWS checks them.
 */
public record AwsSamlAttributes(List<SamlRole> roles, String roleSessionName, Optional<Duration> sessionDuration,
                                List<Tag> principalTags, List<String> transitiveTagKeys,
                                Optional<String> sourceIdentity) {

    private static final String PREFIX = "https://aws.amazon.com/SAML/Attributes/";
    public static final String ROLE = PREFIX + "Role";
    public static final String ROLE_SESSION_NAME = PREFIX + "RoleSessionName";
    public static final String SESSION_DURATION = PREFIX + "SessionDuration";
    public static final String PRINCIPAL_TAG = PREFIX + "PrincipalTag:";
    public static final String TRANSITIVE_TAG_KEYS = PREFIX + "TransitiveTagKeys";
    public static final String SOURCE_IDENTITY = PREFIX + "SourceIdentity";
    static final int MIN_SESSION_SECONDS = 900;
    static final int MAX_SESSION_SECONDS = 43_200;
    static final int MAX_PRINCIPAL_TAGS = 50;

    public AwsSamlAttributes {
        roles = List.copyOf(roles);
        Objects.requireNonNull(roleSessionName, "roleSessionName");
        Objects.requireNonNull(sessionDuration, "sessionDuration");
        principalTags = List.copyOf(principalTags);
        transitiveTagKeys = List.copyOf(transitiveTagKeys);
        Objects.requireNonNull(sourceIdentity, "sourceIdentity");
    }

    /** Reads and checks AWS's attributes; a missing Role or RoleSessionName is refused, as by AWS. */
    public static AwsSamlAttributes read(ValidatedAssertion assertion) {
        List<String> roleValues = assertion.attribute(ROLE);
        if (roleValues.isEmpty()) {
            throw invalid("The SAML assertion has no " + ROLE + " attribute.");
        }
        return read(assertion, roleSessionName(assertion));
    }

    /**
     * Reads the attributes for a browser sign-in, where the provider's role-mapping rules may choose
     * the role: the Role attribute may be absent, and without a RoleSessionName the session is named
     * after the NameID when that is a valid session name (an e-mail address or a user name usually is).
     */
    public static AwsSamlAttributes readForSignIn(ValidatedAssertion assertion) {
        String sessionName = assertion.attribute(ROLE_SESSION_NAME).isEmpty()
                && fits(Constraint.ROLE_SESSION_NAME, assertion.subject())
                ? assertion.subject() : roleSessionName(assertion);
        return read(assertion, sessionName);
    }

    private static AwsSamlAttributes read(ValidatedAssertion assertion, String roleSessionName) {
        List<Tag> tags = principalTags(assertion.attributes());
        return new AwsSamlAttributes(assertion.attribute(ROLE).stream().map(SamlRole::parse).toList(),
                roleSessionName, sessionDuration(assertion), tags, transitiveTagKeys(assertion, tags),
                single(assertion, SOURCE_IDENTITY).map(AwsSamlAttributes::sourceIdentity));
    }

    /**
     * The {@code saml:namequalifier} condition key: Base64(SHA-1(issuer + account ID + "/" + provider
     * name)), which tells apart users of the same NameID at different identity providers.
     */
    public static String nameQualifier(String issuer, AccountId account, String providerName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((issuer + account.value() + "/" + providerName).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from the JDK", e);
        }
    }

    private static String roleSessionName(ValidatedAssertion assertion) {
        String name = single(assertion, ROLE_SESSION_NAME)
                .orElseThrow(() -> invalid("RoleSessionName is required in AuthnResponse."));
        return conforming(Constraint.ROLE_SESSION_NAME, "RoleSessionName", name);
    }

    private static Optional<Duration> sessionDuration(ValidatedAssertion assertion) {
        return single(assertion, SESSION_DURATION).map(text -> {
            int seconds;
            try {
                seconds = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw invalid("SessionDuration in AuthnResponse must be a whole number of seconds.");
            }
            if (seconds < MIN_SESSION_SECONDS || seconds > MAX_SESSION_SECONDS) {
                throw invalid("SessionDuration in AuthnResponse must be between " + MIN_SESSION_SECONDS + " and "
                        + MAX_SESSION_SECONDS + " seconds, not " + seconds + ".");
            }
            return Duration.ofSeconds(seconds);
        });
    }

    private static List<Tag> principalTags(Map<String, List<String>> attributes) {
        List<Tag> tags = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        attributes.forEach((name, values) -> {
            if (!name.startsWith(PRINCIPAL_TAG)) {
                return;
            }
            String key = conforming(Constraint.TAG_KEY, "PrincipalTag key", name.substring(PRINCIPAL_TAG.length()));
            if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
                throw invalid("PrincipalTag key " + key + " uses the reserved prefix 'aws:'.");
            }
            if (!keys.add(key.toLowerCase(Locale.ROOT))) {
                throw invalid("Duplicate PrincipalTag keys found in AuthnResponse: " + key
                        + ". Please note that tag keys are case insensitive.");
            }
            if (values.size() != 1) {
                throw invalid("PrincipalTag " + key + " must have exactly one value in AuthnResponse.");
            }
            tags.add(new Tag(key, conforming(Constraint.TAG_VALUE, "PrincipalTag " + key + " value", values.get(0))));
        });
        if (tags.size() > MAX_PRINCIPAL_TAGS) {
            throw invalid("AuthnResponse carries " + tags.size() + " PrincipalTag attributes; at most "
                    + MAX_PRINCIPAL_TAGS + " are allowed.");
        }
        return tags;
    }

    private static List<String> transitiveTagKeys(ValidatedAssertion assertion, List<Tag> tags) {
        List<String> keys = assertion.attribute(TRANSITIVE_TAG_KEYS);
        for (String key : keys) {
            if (tags.stream().noneMatch(tag -> tag.key().equalsIgnoreCase(key))) {
                throw invalid("TransitiveTagKeys in AuthnResponse must be a subset of the PrincipalTag keys: "
                        + conforming(Constraint.TAG_KEY, "TransitiveTagKeys", key));
            }
        }
        return keys;
    }

    private static String sourceIdentity(String value) {
        conforming(Constraint.SOURCE_IDENTITY, "SourceIdentity", value);
        if (value.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            throw invalid("SourceIdentity in AuthnResponse cannot begin with the prefix 'aws:'.");
        }
        return value;
    }

    private static Optional<String> single(ValidatedAssertion assertion, String name) {
        List<String> values = assertion.attribute(name);
        if (values.size() > 1) {
            throw invalid("The SAML attribute " + name + " must have one value, not " + values.size() + ".");
        }
        return values.stream().findFirst();
    }

    private static boolean fits(Constraint constraint, String value) {
        return value.length() >= constraint.minLength() && value.length() <= constraint.maxLength()
                && constraint.pattern().matcher(value).matches();
    }

    /** AWS's STS constraint on the value, refused as a bad identity token rather than a bad parameter. */
    private static String conforming(Constraint constraint, String what, String value) {
        try {
            return constraint.check(what, value);
        } catch (IamException e) {
            throw invalid(what + " in AuthnResponse must be " + constraint.minLength() + " to "
                    + constraint.maxLength() + " characters matching " + constraint.patternText() + ".");
        }
    }
}
