package io.gatehouse.web.rest;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.port.UserRepository;
import io.gatehouse.core.service.Caller;
import io.gatehouse.core.sts.BearerTokens;
import io.gatehouse.core.sts.SessionPrincipal;
import io.gatehouse.core.sts.SessionToken;
import io.gatehouse.core.sts.SessionTokenCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * The {@link Caller} behind a validated bearer token, so a REST request is authorized like the
 * same principal's SigV4 request: a session token inside it is opened (and may have expired), a
 * user must still exist.
 */
@ApplicationScoped
public class BearerCallers {

    @Inject
    UserRepository users;

    @Inject
    SessionTokenCodec sessions;

    public Caller of(JsonWebToken jwt) {
        String sealed = jwt.getClaim(BearerTokens.SESSION_CLAIM);
        if (sealed != null) {
            SessionToken session = sessions.open(sealed);
            Optional<User> user = session.principal() instanceof SessionPrincipal.UserSession own
                    ? Optional.of(users.findById(own.userId()).orElseThrow(BearerCallers::invalid)) : Optional.empty();
            return Caller.session(session, user);
        }
        AccountId account = new AccountId(jwt.getClaim(BearerTokens.ACCOUNT_CLAIM));
        String subject = jwt.getSubject();
        if (subject.equals("arn:aws:iam::" + account.value() + ":root")) {
            return Caller.root(account, "");
        }
        String userId = jwt.getClaim(BearerTokens.PRINCIPAL_ID_CLAIM);
        return Caller.user(users.findById(userId).filter(u -> u.arn().toString().equals(subject))
                .orElseThrow(BearerCallers::invalid), "");
    }

    private static IamException invalid() {
        return new IamException(ErrorCode.INVALID_CLIENT_TOKEN_ID, "The bearer token names a principal that no longer exists.");
    }
}
