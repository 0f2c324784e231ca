package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.sts.RootTaskPolicy;
import io.gatehouse.core.sts.SessionPrincipal;
import io.gatehouse.core.sts.SessionToken;

import java.util.Objects;
import java.util.Optional;

/**
 * The authenticated principal of a request: the account's root user, one of its IAM users, or a
 * session from temporary credentials (a role session, a user's or root's session token, a
 * federated user). {@code principalId} is what AWS reports as UserId: the account id for root,
 * {@code AIDA...} for a user, {@code AROA...:<session>} for a role session.
 *
 * @param user    the IAM user acting, directly or through its session token
 * @param session present exactly when the request was signed with temporary credentials
 */
public record Caller(AccountId account, Arn arn, String principalId, Optional<User> user, String accessKeyId,
                     Optional<SessionToken> session) {

    public Caller {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(principalId, "principalId");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(session, "session");
    }

    public static Caller root(AccountId account, String accessKeyId) {
        return new Caller(account, Arn.accountRoot(account), account.value(), Optional.empty(), accessKeyId,
                Optional.empty());
    }

    public static Caller user(User user, String accessKeyId) {
        return new Caller(user.account(), user.arn(), user.userId(), Optional.of(user), accessKeyId, Optional.empty());
    }

    /** A request signed with temporary credentials; {@code user} is present for a user's own session token. */
    public static Caller session(SessionToken token, Optional<User> user) {
        SessionPrincipal principal = token.principal();
        return new Caller(principal.account(), principal.arn(), principal.principalId(), user, token.accessKeyId(),
                Optional.of(token));
    }

    /** The root user, with its long-term keys or a session token of its own. */
    public boolean isRoot() {
        return user.isEmpty() && session.map(s -> s.principal() instanceof SessionPrincipal.RootSession).orElse(true);
    }

    /** The task of a root session from sts:AssumeRoot, when the caller is one. */
    public Optional<RootTaskPolicy> rootTask() {
        return session.flatMap(RootTaskPolicy::of);
    }

    /** A role session, when the caller is one. */
    public Optional<SessionPrincipal.AssumedRole> roleSession() {
        return session.map(SessionToken::principal)
                .filter(SessionPrincipal.AssumedRole.class::isInstance)
                .map(SessionPrincipal.AssumedRole.class::cast);
    }

    /**
     * Actions whose UserName defaults to the caller (GetUser, ListAccessKeys, ...) need a user or root
     * behind the request; AWS refuses role and federated sessions with this message.
     */
    public void requireUserCredentials() {
        if (user.isEmpty() && !isRoot()) {
            throw IamException.validation("Must specify userName when calling with non-User credentials");
        }
    }
}
