package io.gatehouse.core.identity;

import io.gatehouse.core.arn.Arn;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A managed policy: a customer-managed one of an account, or an AWS-managed one shipped with the
 * server (account {@code aws} in its ARN). Its documents are its versions; one is the default.
 */
public record ManagedPolicy(Arn arn, String policyId, String name, String path, Optional<String> description,
                            String defaultVersionId, Instant createDate, Instant updateDate) {

    public static final String AWS_ACCOUNT = "aws";

    public ManagedPolicy {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defaultVersionId, "defaultVersionId");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(updateDate, "updateDate");
    }

    public boolean isAwsManaged() {
        return AWS_ACCOUNT.equals(arn.account());
    }

    public ManagedPolicy withDefaultVersion(String versionId, Instant at) {
        return new ManagedPolicy(arn, policyId, name, path, description, versionId, createDate, at);
    }
}
