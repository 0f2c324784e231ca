package io.gatehouse.bench;

import java.util.List;

/**
 * A statement in engine-neutral form, so that the same workload can be written as IAM JSON and as
 * Cedar. Conditions use four request attributes that every workload request carries.
 */
record Rule(boolean allow, List<String> actions, List<String> resources, List<Condition> conditions) {

    sealed interface Condition {
    }

    /** {@code StringEquals aws:PrincipalTag/team}. */
    record TeamEquals(String team) implements Condition {
    }

    /** {@code IpAddress aws:SourceIp}. */
    record SourceIpIn(String cidr) implements Condition {
    }

    /** {@code Bool aws:MultiFactorAuthPresent = true}. */
    record MfaPresent() implements Condition {
    }

    /** {@code DateLessThan aws:CurrentTime}, in epoch seconds. */
    record Before(long epochSeconds) implements Condition {
    }
}
