package io.gatehouse.core.sts;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;

import java.util.Objects;

/**
 * Who a temporary credential speaks for, in AWS's terms: an assumed-role session, an IAM user's or
 * the root user's session token, or a federated user. Each knows the ARN and the unique id AWS
 * reports for it ({@code GetCallerIdentity}'s Arn and UserId).
 */
public sealed interface SessionPrincipal {

    AccountId account();

    /** The session's own ARN, e.g. {@code arn:aws:sts::<account>:assumed-role/<role>/<session>}. */
    Arn arn();

    /** AWS's UserId: {@code AROA…:<session>} for a role session, the user's id for a user session. */
    String principalId();

    /** A session of role {@code roleName} (its ARN {@code roleArn}, path included), named by the caller. */
    record AssumedRole(AccountId account, String roleId, Arn roleArn, String roleName, String sessionName)
            implements SessionPrincipal {
        public AssumedRole {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(roleId, "roleId");
            Objects.requireNonNull(roleArn, "roleArn");
            Objects.requireNonNull(roleName, "roleName");
            Objects.requireNonNull(sessionName, "sessionName");
        }

        @Override
        public Arn arn() {
            return new Arn(Arn.AWS_PARTITION, "sts", "", account.value(), "assumed-role/" + roleName + "/" + sessionName);
        }

        @Override
        public String principalId() {
            return roleId + ":" + sessionName;
        }
    }

    /** {@code GetSessionToken} by an IAM user: the session acts as the user, with the user's policies. */
    record UserSession(AccountId account, String userId, Arn userArn, String userName) implements SessionPrincipal {
        public UserSession {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(userArn, "userArn");
            Objects.requireNonNull(userName, "userName");
        }

        @Override
        public Arn arn() {
            return userArn;
        }

        @Override
        public String principalId() {
            return userId;
        }
    }

    /** {@code GetSessionToken} by the root user. */
    record RootSession(AccountId account) implements SessionPrincipal {
        public RootSession {
            Objects.requireNonNull(account, "account");
        }

        @Override
        public Arn arn() {
            return Arn.accountRoot(account);
        }

        @Override
        public String principalId() {
            return account.value();
        }
    }

    /** {@code GetFederationToken}: a named federated user whose permissions are capped by the issuing user's. */
    record FederatedUser(AccountId account, String name, String issuerUserId) implements SessionPrincipal {
        public FederatedUser {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(issuerUserId, "issuerUserId");
        }

        @Override
        public Arn arn() {
            return new Arn(Arn.AWS_PARTITION, "sts", "", account.value(), "federated-user/" + name);
        }

        @Override
        public String principalId() {
            return account.value() + ":" + name;
        }
    }
}
