package io.gatehouse.core.organization;

import io.gatehouse.core.arn.AccountId;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/** The organization: its id ({@code o-} and ten or more lower-case letters or digits) and management account. */
public record Organization(String id, AccountId managementAccount, Instant createDate) {

    private static final Pattern ID = Pattern.compile("o-[a-z0-9]{10,32}");

    public Organization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(managementAccount, "managementAccount");
        Objects.requireNonNull(createDate, "createDate");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("An organization id is o- and 10 to 32 lower-case letters or digits: " + id);
        }
    }

    public String arn() {
        return "arn:aws:organizations::" + managementAccount.value() + ":organization/" + id;
    }

    /** A member account's ARN, which AWS scopes to the organization and its management account. */
    public String accountArn(AccountId account) {
        return "arn:aws:organizations::" + managementAccount.value() + ":account/" + id + "/" + account.value();
    }
}
