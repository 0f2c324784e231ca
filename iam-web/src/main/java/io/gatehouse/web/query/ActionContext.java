package io.gatehouse.web.query;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.service.Caller;

/** What an action sees: who calls, with which parameters, and the services it may use. */
public record ActionContext(Caller caller, QueryParameters params, IamServices services) {

    public AccountId account() {
        return caller.account();
    }
}
