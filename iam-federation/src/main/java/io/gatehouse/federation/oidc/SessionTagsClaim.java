package io.gatehouse.federation.oidc;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.identity.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Session tags an OpenID Connect provider passes in its token, as AWS reads them for
 * {@code AssumeRoleWithWebIdentity} ("Passing session tags using AssumeRoleWithWebIdentity"): the
 * claim {@code https://aws.amazon.com/tags} with {@code principal_tags} (tag key to a list of one
 * value) and {@code transitive_tag_keys} (a subset of those keys). The role's trust policy must
 * then also allow {@code sts:TagSession}.
 */
public record SessionTagsClaim(List<Tag> tags, Set<String> transitiveTagKeys) {

    public static final String CLAIM = "https://aws.amazon.com/tags";
    public static final SessionTagsClaim NONE = new SessionTagsClaim(List.of(), Set.of());
    /** AWS's limit on session tags per session. */
    static final int MAX_TAGS = 50;

    private static final String PRINCIPAL_TAGS = "principal_tags";
    private static final String TRANSITIVE_TAG_KEYS = "transitive_tag_keys";

    public SessionTagsClaim {
        tags = List.copyOf(tags);
        transitiveTagKeys = Set.copyOf(transitiveTagKeys);
    }

    /** From a verified token's claims as JSON values. */
    public static SessionTagsClaim read(Map<String, Object> claims) {
        Object claim = claims.get(CLAIM);
        if (claim == null) {
            return NONE;
        }
        if (!(claim instanceof Map<?, ?> tagsClaim)) {
            throw invalid("The claim " + CLAIM + " must be a JSON object");
        }
        Map<String, List<String>> principal = new LinkedHashMap<>();
        Object principalTags = tagsClaim.get(PRINCIPAL_TAGS);
        if (principalTags != null) {
            if (!(principalTags instanceof Map<?, ?> object)) {
                throw invalid(PRINCIPAL_TAGS + " in " + CLAIM + " must be a JSON object");
            }
            object.forEach((key, value) -> principal.put(String.valueOf(key), strings(PRINCIPAL_TAGS + "." + key, value)));
        }
        Object transitive = tagsClaim.get(TRANSITIVE_TAG_KEYS);
        return checked(principal, transitive == null ? List.of() : strings(TRANSITIVE_TAG_KEYS, transitive));
    }

    /**
     * From claims flattened to dotted names, as the browser sign-in reads them
     * ({@code https://aws.amazon.com/tags.principal_tags.Department}).
     */
    public static SessionTagsClaim readFlat(Map<String, List<String>> claims) {
        String principalPrefix = CLAIM + "." + PRINCIPAL_TAGS + ".";
        Map<String, List<String>> principal = new LinkedHashMap<>();
        claims.forEach((name, values) -> {
            if (name.startsWith(principalPrefix)) {
                principal.put(name.substring(principalPrefix.length()), values);
            }
        });
        return checked(principal, claims.getOrDefault(CLAIM + "." + TRANSITIVE_TAG_KEYS, List.of()));
    }

    private static SessionTagsClaim checked(Map<String, List<String>> principal, List<String> transitive) {
        if (principal.size() > MAX_TAGS) {
            throw invalid("The token carries " + principal.size() + " principal tags; at most " + MAX_TAGS
                    + " are allowed");
        }
        List<Tag> tags = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        principal.forEach((key, values) -> {
            conforming(Constraint.TAG_KEY, "Principal tag key", key);
            if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
                throw invalid("Principal tag key " + key + " uses the reserved prefix 'aws:'");
            }
            if (!keys.add(key.toLowerCase(Locale.ROOT))) {
                throw invalid("Duplicate principal tag keys found in the token: " + key
                        + ". Please note that tag keys are case insensitive.");
            }
            if (values.size() != 1) {
                throw invalid("Principal tag " + key + " must have exactly one value in the token");
            }
            tags.add(new Tag(key, conforming(Constraint.TAG_VALUE, "Principal tag " + key + " value", values.get(0))));
        });
        for (String key : transitive) {
            if (!keys.contains(key.toLowerCase(Locale.ROOT))) {
                throw invalid("transitive_tag_keys must be a subset of the principal tag keys: "
                        + conforming(Constraint.TAG_KEY, "Transitive tag key", key));
            }
        }
        return new SessionTagsClaim(tags, new LinkedHashSet<>(transitive));
    }

    private static List<String> strings(String member, Object value) {
        if (value instanceof String text) {
            return List.of(text);
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw invalid(member + " in " + CLAIM + " must be a list of strings");
    }

    private static String conforming(Constraint constraint, String what, String value) {
        try {
            return constraint.check(what, value);
        } catch (IamException e) {
            throw invalid(what + " in the token must be " + constraint.minLength() + " to "
                    + constraint.maxLength() + " characters matching " + constraint.patternText());
        }
    }

    private static IamException invalid(String message) {
        return new IamException(ErrorCode.INVALID_IDENTITY_TOKEN, message);
    }
}
