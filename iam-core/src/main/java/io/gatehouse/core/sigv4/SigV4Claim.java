package io.gatehouse.core.sigv4;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a request claims about its signer, from the Authorization header or from the presigned
 * query (X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-Expires, X-Amz-SignedHeaders,
 * X-Amz-Signature, X-Amz-Security-Token). Nothing in it is verified yet.
 *
 * @param signedHeaders lower-case header names, in the order the request listed them
 * @param expires       present exactly when {@code presigned}
 */
public record SigV4Claim(String accessKeyId, CredentialScope scope, List<String> signedHeaders,
                         String signature, Instant requestTime, Optional<String> sessionToken,
                         boolean presigned, Optional<Duration> expires) {

    public SigV4Claim {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(scope, "scope");
        signedHeaders = List.copyOf(signedHeaders);
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(requestTime, "requestTime");
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(expires, "expires");
        if (presigned != expires.isPresent()) {
            throw new IllegalArgumentException("expires is given exactly for presigned requests");
        }
    }
}
