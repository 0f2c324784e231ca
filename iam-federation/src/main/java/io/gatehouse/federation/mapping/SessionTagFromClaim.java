package io.gatehouse.federation.mapping;

import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.identity.Tag;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A session tag whose value is the first value of a claim. By default the rule needs the tag: an
 * identity without the claim, or whose value is not a valid tag value, does not match the rule,
 * because policies that deny on {@code aws:PrincipalTag} with {@code StringNotEquals} would not
 * apply to a session missing the tag. An {@code optional} tag is simply left out when the claim is
 * missing.
 */
public record SessionTagFromClaim(String tagKey, String claim, boolean optional) {

    public SessionTagFromClaim {
        Objects.requireNonNull(tagKey, "tagKey");
        Objects.requireNonNull(claim, "claim");
        if (!satisfies(Constraint.TAG_KEY, tagKey)) {
            throw new InvalidRoleMappingException("key", JsonText.quote(tagKey)
                    + " must be 1 to 128 letters, digits, spaces or _.:/=+-@");
        }
        // AWS reserves the aws: prefix for its own tags.
        if (tagKey.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            throw new InvalidRoleMappingException("key", JsonText.quote(tagKey) + " must not begin with aws:");
        }
        if (claim.isEmpty() || claim.length() > MappingCondition.MAX_CLAIM_NAME) {
            throw new InvalidRoleMappingException("fromClaim",
                    "must be 1 to " + MappingCondition.MAX_CLAIM_NAME + " characters");
        }
    }

    public static SessionTagFromClaim required(String tagKey, String claim) {
        return new SessionTagFromClaim(tagKey, claim, false);
    }

    public static SessionTagFromClaim optional(String tagKey, String claim) {
        return new SessionTagFromClaim(tagKey, claim, true);
    }

    /** The tag this identity gives, or why it gives none. */
    public SessionTagOutcome resolve(FederatedIdentity identity) {
        Optional<String> value = identity.firstValue(claim);
        if (value.isEmpty()) {
            String reason = "claim " + JsonText.quote(claim) + " is missing";
            return optional ? new SessionTagOutcome.Omitted(this, reason) : new SessionTagOutcome.Refused(this, reason);
        }
        if (!satisfies(Constraint.TAG_VALUE, value.get())) {
            return new SessionTagOutcome.Refused(this, "claim " + JsonText.quote(claim) + " value "
                    + JsonText.quote(value.get()) + " is not a valid session tag value"
                    + " (0 to 256 letters, digits, spaces or _.:/=+-@)");
        }
        return new SessionTagOutcome.Resolved(this, new Tag(tagKey, value.get()));
    }

    private static boolean satisfies(Constraint constraint, String text) {
        return text.length() >= constraint.minLength() && text.length() <= constraint.maxLength()
                && constraint.pattern().matcher(text).matches();
    }
}
