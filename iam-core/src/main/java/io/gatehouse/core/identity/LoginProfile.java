package io.gatehouse.core.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's console password: stored only as a slow salted hash. {@code passwordLastChanged} lets
 * the password's age be measured against the policy's MaxPasswordAge.
 */
public record LoginProfile(String userId, String passwordHash, Instant createDate, Instant passwordLastChanged,
                           boolean passwordResetRequired) {

    public LoginProfile {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(passwordLastChanged, "passwordLastChanged");
    }

    public LoginProfile withPassword(String newHash, Instant changed, boolean resetRequired) {
        return new LoginProfile(userId, newHash, createDate, changed, resetRequired);
    }

    public LoginProfile withPasswordResetRequired(boolean resetRequired) {
        return new LoginProfile(userId, passwordHash, createDate, passwordLastChanged, resetRequired);
    }

    @Override
    public String toString() {
        return "LoginProfile[userId=" + userId + ", created=" + createDate + ", resetRequired=" + passwordResetRequired + "]";
    }
}
