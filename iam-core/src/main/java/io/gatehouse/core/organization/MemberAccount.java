package io.gatehouse.core.organization;

import io.gatehouse.core.identity.Account;

import java.time.Instant;
import java.util.Objects;

/** An account of the organization as ListAccounts shows it. Accounts are never closed here, so all are ACTIVE. */
public record MemberAccount(Account account, JoinedMethod joinedMethod, Instant joinedDate) {

    /** The management account was invited (it made the organization); the others were created by it. */
    public enum JoinedMethod { INVITED, CREATED }

    public MemberAccount {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(joinedMethod, "joinedMethod");
        Objects.requireNonNull(joinedDate, "joinedDate");
    }
}
