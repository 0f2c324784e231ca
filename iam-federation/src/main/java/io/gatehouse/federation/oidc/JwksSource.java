package io.gatehouse.federation.oidc;

/**
 * Where the verifier gets a provider's signing keys. Failures to reach the provider are
 * {@code IDPCommunicationError}.
 */
public interface JwksSource {

    /** The provider's keys, from a cache while it is fresh. */
    ProviderKeys keys(OidcProviderTrust provider);

    /**
     * Called when no key in {@code seen} fits a token, because the provider may have rotated its
     * keys: newer keys when fetching again is allowed now, otherwise {@code seen} itself.
     */
    ProviderKeys refetch(OidcProviderTrust provider, ProviderKeys seen);
}
