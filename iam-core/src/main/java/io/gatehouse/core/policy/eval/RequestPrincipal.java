package io.gatehouse.core.policy.eval;

import java.util.Objects;
import java.util.Optional;

/**
 * Who makes a request. {@code id} is the principal's ARN (for {@link PrincipalKind#SERVICE} the
 * service name, for {@link PrincipalKind#WEB_IDENTITY} the provider); {@code roleArn} is the role
 * behind an assumed-role session, which a policy may name instead of the session.
 */
public record RequestPrincipal(PrincipalKind kind, String id, String accountId, Optional<String> roleArn) {
    public RequestPrincipal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(roleArn, "roleArn");
    }

    public static RequestPrincipal root(String accountId) {
        return new RequestPrincipal(PrincipalKind.ROOT, "arn:aws:iam::" + accountId + ":root", accountId,
                Optional.empty());
    }

    public static RequestPrincipal user(String accountId, String userArn) {
        return new RequestPrincipal(PrincipalKind.USER, userArn, accountId, Optional.empty());
    }

    public static RequestPrincipal roleSession(String accountId, String sessionArn, String roleArn) {
        return new RequestPrincipal(PrincipalKind.ASSUMED_ROLE, sessionArn, accountId, Optional.of(roleArn));
    }

    public static RequestPrincipal federatedUser(String accountId, String federatedUserArn) {
        return new RequestPrincipal(PrincipalKind.FEDERATED_USER, federatedUserArn, accountId, Optional.empty());
    }

    /** A federated identity before it assumes a role, named by its provider's ARN (a trust policy's {@code Federated}). */
    public static RequestPrincipal webIdentity(String providerArn, String accountId) {
        return new RequestPrincipal(PrincipalKind.WEB_IDENTITY, providerArn, accountId, Optional.empty());
    }

    public static RequestPrincipal service(String serviceName) {
        return new RequestPrincipal(PrincipalKind.SERVICE, serviceName, "", Optional.empty());
    }

    public boolean isRoot() {
        return kind == PrincipalKind.ROOT;
    }
}
