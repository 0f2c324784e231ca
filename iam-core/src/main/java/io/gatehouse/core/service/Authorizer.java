package io.gatehouse.core.service;

import io.gatehouse.core.arn.Arn;

/**
 * The single point where a request is allowed or refused: {@code iam:<Action>} on a resource ARN.
 * Every operation passes through it before it runs.
 */
public interface Authorizer {

    /** @throws io.gatehouse.core.error.IamException AccessDenied when the caller may not act */
    default void authorize(Caller caller, String action, Arn resource, RequestFacts request) {
        authorize(caller, action, resource, request, ResourceAccess.NONE);
    }

    /** As above, for a resource with a resource-based policy or a request that sets condition keys. */
    void authorize(Caller caller, String action, Arn resource, RequestFacts request, ResourceAccess access);
}
