package io.gatehouse.federation.mapping;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.identity.Tag;

import java.util.List;
import java.util.Objects;

/**
 * A role the identity may assume, chosen by the rule named here, with the session tags the rule
 * took from the identity's claims. The role's trust policy still decides whether the assumption
 * is allowed.
 */
public record RoleCandidate(String ruleName, Arn roleArn, List<Tag> sessionTags) {
    public RoleCandidate {
        Objects.requireNonNull(ruleName, "ruleName");
        Objects.requireNonNull(roleArn, "roleArn");
        sessionTags = List.copyOf(sessionTags);
    }
}
