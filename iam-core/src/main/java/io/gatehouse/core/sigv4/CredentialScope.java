package io.gatehouse.core.sigv4;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/** The date, region and service a SigV4 signing key is derived for. */
public record CredentialScope(LocalDate date, String region, String service) {

    /** The fixed last element of every SigV4 scope. */
    public static final String TERMINATOR = "aws4_request";

    static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    public CredentialScope {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(service, "service");
        if (region.isEmpty() || service.isEmpty()) {
            throw new IllegalArgumentException("region and service must not be empty");
        }
    }

    /** The scope as it appears in the credential and the string to sign: {@code 20150830/us-east-1/iam/aws4_request}. */
    @Override
    public String toString() {
        return DATE.format(date) + "/" + region + "/" + service + "/" + TERMINATOR;
    }
}
