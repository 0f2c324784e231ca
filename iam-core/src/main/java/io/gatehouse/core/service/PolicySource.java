package io.gatehouse.core.service;

import io.gatehouse.core.arn.Arn;

/**
 * Where a compiled policy came from, in the terms of AWS's simulator ({@code SourcePolicyId},
 * {@code SourcePolicyType}: user, group, role, aws-managed, user-managed, resource, none). The
 * names stored policies are compiled under are made here and read back here, so a matched
 * statement can be traced to its policy.
 */
public record PolicySource(String id, String type) {

    private static final String SEPARATOR = "#";

    /** An inline policy of a user, group or role. */
    static String inlineName(Arn holder, String policyName) {
        return holder + SEPARATOR + policyName;
    }

    /** A managed policy, by ARN and the version in force. */
    static String managedName(String policyArn, String versionId) {
        return policyArn + SEPARATOR + versionId;
    }

    /** The source of a policy compiled under {@code name}; a name not made here (a simulator input) is its own id. */
    public static PolicySource of(String name, String typeIfUnknown) {
        int separator = name.lastIndexOf(SEPARATOR);
        if (separator < 0 || !name.startsWith("arn:")) {
            return new PolicySource(name, typeIfUnknown);
        }
        Arn arn = Arn.parse(name.substring(0, separator));
        String resource = arn.resource();
        if (resource.startsWith("policy/")) {
            String policyName = resource.substring(resource.lastIndexOf('/') + 1);
            return new PolicySource(policyName, arn.account().equals("aws") ? "aws-managed" : "user-managed");
        }
        String kind = resource.substring(0, resource.indexOf('/'));
        return new PolicySource(name.substring(separator + 1), kind);
    }
}
