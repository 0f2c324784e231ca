package io.gatehouse.web.query;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.service.RequestFacts;

import java.util.Objects;
import java.util.Optional;

/**
 * One action of the Query API: its name, what kind of action it is (which decides its audit), the
 * resource it acts on (what the authorizer checks) and what it does.
 *
 * @param authorizedByRunner false for the few actions whose service authorizes them itself,
 *        because the decision needs more than the caller and a resource ARN (AssumeRole evaluates
 *        the role's trust policy) or because AWS requires no permission (GetCallerIdentity)
 */
public record IamAction(String name, Kind kind, boolean authorizedByRunner, ResourceResolver resource,
                        Handler handler, Optional<Unsigned> unsigned) {

    /** What an action does, as far as auditing and this node's recent reads are concerned. */
    public enum Kind {
        /** Changes nothing; not audited. */
        READING,
        /** Changes the caller's account: audited in the same transaction, and recent reads of the account are old once it commits. */
        CHANGING,
        /** Issues temporary credentials (STS): audited, but changes nothing that authorization reads. */
        ISSUING
    }

    public IamAction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(unsigned, "unsigned");
    }

    public static IamAction reading(String name, ResourceResolver resource, Handler handler) {
        return new IamAction(name, Kind.READING, true, resource, handler, Optional.empty());
    }

    public static IamAction changing(String name, ResourceResolver resource, Handler handler) {
        return new IamAction(name, Kind.CHANGING, true, resource, handler, Optional.empty());
    }

    /** An action its service authorizes (STS). */
    public static IamAction authorizedByService(String name, Kind kind, Handler handler) {
        return new IamAction(name, kind, false, context -> context.caller().arn(), handler, Optional.empty());
    }

    /**
     * An action that takes no SigV4 signature (AWS's AssumeRoleWith* family): the request proves
     * who it is by other means, which the action checks itself. It issues credentials and is audited.
     */
    public static IamAction anonymous(String name, Unsigned handler) {
        return new IamAction(name, Kind.ISSUING, false, context -> {
            throw new IllegalStateException(name + " is not signed");
        }, (context, xml) -> {
            throw new IllegalStateException(name + " is not signed");
        }, Optional.of(handler));
    }

    /** Runs an unsigned action; answers who the audit event is recorded for. */
    @FunctionalInterface
    public interface Unsigned {
        Audited handle(QueryParameters params, RequestFacts facts, XmlWriter result);
    }

    /** The account and principal an unsigned action acted for, e.g. the role session it issued. */
    public record Audited(AccountId account, String principalArn) {
        public Audited {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(principalArn, "principalArn");
        }
    }

    /** Runs the action; writes the content of {@code <NameResult>}, or nothing when AWS returns no result. */
    @FunctionalInterface
    public interface Handler {
        void handle(ActionContext context, XmlWriter result);
    }

    /** The ARN the action is authorized against; resolved before the action runs. */
    @FunctionalInterface
    public interface ResourceResolver {
        Arn resolve(ActionContext context);
    }
}
