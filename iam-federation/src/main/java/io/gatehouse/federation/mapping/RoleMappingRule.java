package io.gatehouse.federation.mapping;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * When every condition holds (no conditions: always), the identity may assume {@code roleArn}
 * with the session tags taken from its claims.
 */
public record RoleMappingRule(String name, List<MappingCondition> conditions, Arn roleArn,
                              List<SessionTagFromClaim> sessionTags) {

    public static final int MAX_CONDITIONS = 10;
    /** AWS's limit on session tags passed to one session. */
    public static final int MAX_SESSION_TAGS = 50;
    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

    public RoleMappingRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(roleArn, "roleArn");
        if (!NAME.matcher(name).matches()) {
            throw new InvalidRoleMappingException("name", JsonText.quote(name)
                    + " must be 1 to 64 letters, digits or _+=,.@-");
        }
        conditions = List.copyOf(conditions);
        if (conditions.size() > MAX_CONDITIONS) {
            throw new InvalidRoleMappingException("conditions",
                    "a rule has at most " + MAX_CONDITIONS + " conditions, not " + conditions.size());
        }
        checkRole(roleArn);
        sessionTags = List.copyOf(sessionTags);
        if (sessionTags.size() > MAX_SESSION_TAGS) {
            throw new InvalidRoleMappingException("sessionTags",
                    "a session has at most " + MAX_SESSION_TAGS + " tags, not " + sessionTags.size());
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < sessionTags.size(); i++) {
            String key = sessionTags.get(i).tagKey();
            // Tag keys are case-insensitive in AWS, so Team and team are one tag.
            if (!keys.add(key.toLowerCase(Locale.ROOT))) {
                throw new InvalidRoleMappingException("sessionTags[" + i + "].key",
                        "duplicate session tag key " + JsonText.quote(key) + " (keys ignore case)");
            }
        }
    }

    /** The identity may assume only IAM roles: {@code arn:<partition>:iam::<account>:role/<path><name>}. */
    private static void checkRole(Arn arn) {
        if (!arn.service().equals("iam") || !arn.region().isEmpty() || !AccountId.isValid(arn.account())
                || !arn.resource().startsWith("role/") || arn.resource().length() == "role/".length()
                || arn.resource().endsWith("/")) {
            throw new InvalidRoleMappingException("role", JsonText.quote(arn.toString())
                    + " is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)");
        }
    }

    /** Whether every condition holds, ignoring the session tags. */
    public boolean conditionsHoldFor(FederatedIdentity identity) {
        return conditions.stream().allMatch(c -> c.holdsFor(identity));
    }
}
