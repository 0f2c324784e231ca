package io.gatehouse.core.port;

import io.gatehouse.core.arn.Arn;

import java.time.Instant;

/**
 * The SAML assertions already exchanged for credentials: AWS accepts each assertion once. An
 * assertion id need only be remembered until the assertion expires, since the validator refuses
 * it from then on anyway.
 */
public interface SamlAssertionUses {

    /**
     * Records the use of an assertion in the caller's transaction.
     *
     * @return false when the assertion was used before (a replay)
     */
    boolean firstUse(String assertionId, Arn provider, Instant expiresAt);
}
