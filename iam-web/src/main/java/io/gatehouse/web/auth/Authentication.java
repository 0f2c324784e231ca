package io.gatehouse.web.auth;

import io.gatehouse.core.service.CallerAuthenticator;
import io.gatehouse.core.service.CallerAuthenticator.Authenticated;
import io.gatehouse.core.sigv4.HttpRequestView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Set;

/**
 * Authentication in a transaction of its own: the key's last use is recorded even when the action
 * that follows fails or is refused, as AWS records it.
 */
@ApplicationScoped
public class Authentication {

    @Inject
    CallerAuthenticator authenticator;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Authenticated authenticate(HttpRequestView request, Set<String> services) {
        return authenticator.authenticate(request, services);
    }
}
