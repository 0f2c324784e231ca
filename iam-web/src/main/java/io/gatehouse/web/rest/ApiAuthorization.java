package io.gatehouse.web.rest;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.service.Authorizer;
import io.gatehouse.core.service.Caller;
import io.gatehouse.core.service.RequestFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Clock;

/**
 * The JSON API's callers pass through the same authorizer as the Query API's: the same action
 * names on the same resources, with the request's facts for the global condition keys.
 */
@ApplicationScoped
public class ApiAuthorization {

    /** What the JSON API reads that is not one IAM resource is authorized on "*". */
    static final Arn EVERYTHING = new Arn(Arn.AWS_PARTITION, "iam", "", "", "*");

    @Inject
    Authorizer authorizer;

    @Inject
    Clock clock;

    void authorize(Caller caller, String action, Arn resource, HttpServletRequest request) {
        authorizer.authorize(caller, action, resource,
                new RequestFacts(request.getRemoteAddr(), request.isSecure(), clock.instant()));
    }
}
