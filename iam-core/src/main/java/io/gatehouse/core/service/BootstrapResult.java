package io.gatehouse.core.service;

import io.gatehouse.core.identity.Account;

import java.util.Optional;

/**
 * What the first start created. Generated secrets are present only when configuration did not
 * supply them: those are the ones to show the operator, once.
 */
public record BootstrapResult(Account account, Optional<String> generatedRootPassword, NewAccessKey adminKey,
                              boolean adminKeyGenerated) {

    @Override
    public String toString() {
        return "BootstrapResult[account=" + account.id() + ", adminKey=" + adminKey.key().accessKeyId() + "]";
    }
}
