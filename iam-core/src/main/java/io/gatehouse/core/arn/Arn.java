package io.gatehouse.core.arn;

import io.gatehouse.core.error.IamException;

import java.util.Objects;

/**
 * An Amazon Resource Name: {@code arn:partition:service:region:account:resource}.
 * Immutable and validated at construction; the resource part may itself contain colons.
 */
public record Arn(String partition, String service, String region, String account, String resource) {

    public static final String AWS_PARTITION = "aws";

    public Arn {
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(resource, "resource");
        if (partition.isEmpty() || service.isEmpty() || resource.isEmpty()) {
            throw new IllegalArgumentException("An ARN needs a partition, a service and a resource");
        }
    }

    /** Parses an ARN, answering AWS's {@code InvalidInput} style error naming the bad value. */
    public static Arn parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || parts[1].isEmpty() || parts[2].isEmpty()
                || parts[5].isEmpty()) {
            throw IamException.validation("ARN " + text + " is not valid.");
        }
        return new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]);
    }

    /** An IAM resource in an account: {@code arn:aws:iam::<account>:<type><path><name>}. */
    public static Arn iam(AccountId account, String type, String path, String name) {
        return new Arn(AWS_PARTITION, "iam", "", account.value(), type + path + name);
    }

    public static Arn accountRoot(AccountId account) {
        return new Arn(AWS_PARTITION, "iam", "", account.value(), "root");
    }

    @Override
    public String toString() {
        return "arn:" + partition + ':' + service + ':' + region + ':' + account + ':' + resource;
    }
}
