package io.gatehouse.web.query;

import io.gatehouse.core.arn.Arn;

import java.util.Objects;

/**
 * One action of the Query API: its name, what kind of action it is (which decides its audit), the
 * resource it acts on (what the authorizer checks) and what it does.
 *
 * @param authorizedByRunner false for the few actions whose service authorizes them itself,
 *        because the decision needs more than the caller and a resource ARN (AssumeRole evaluates
 *        the role's trust policy) or because AWS requires no permission (GetCallerIdentity)
 */
public record IamAction(String name, Kind kind, boolean authorizedByRunner, ResourceResolver resource,
                        Handler handler) {

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
    }

    public static IamAction reading(String name, ResourceResolver resource, Handler handler) {
        return new IamAction(name, Kind.READING, true, resource, handler);
    }

    public static IamAction changing(String name, ResourceResolver resource, Handler handler) {
        return new IamAction(name, Kind.CHANGING, true, resource, handler);
    }

    /** An action its service authorizes (STS). */
    public static IamAction authorizedByService(String name, Kind kind, Handler handler) {
        return new IamAction(name, kind, false, context -> context.caller().arn(), handler);
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
