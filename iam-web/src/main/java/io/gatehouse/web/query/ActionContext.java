package io.gatehouse.web.query;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.service.Caller;
import io.gatehouse.core.service.RequestFacts;

/**
 * What an action sees: who calls, with which parameters, the services it may use, and the facts
 * of the request (source address, transport, time) that condition keys are made of.
 */
public record ActionContext(Caller caller, QueryParameters params, IamServices services, RequestFacts facts) {

    public AccountId account() {
        return caller.account();
    }
}
