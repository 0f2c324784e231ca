package io.gatehouse.web.query;

import io.gatehouse.core.arn.Arn;

import java.util.Objects;

/**
 * One action of the Query API: its name, whether it changes state (and is therefore audited),
 * the resource it acts on (what the authorizer checks) and what it does.
 *
 * @param authorizedByRunner false for the few actions whose service authorizes them itself,
 *        because the decision needs more than the caller and a resource ARN (AssumeRole evaluates
 *        the role's trust policy) or because AWS requires no permission (GetCallerIdentity)
 */
public record IamAction(String name, boolean mutating, boolean authorizedByRunner, ResourceResolver resource,
                        Handler handler) {

    public IamAction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(handler, "handler");
    }

    public static IamAction reading(String name, ResourceResolver resource, Handler handler) {
        return new IamAction(name, false, true, resource, handler);
    }

    public static IamAction changing(String name, ResourceResolver resource, Handler handler) {
        return new IamAction(name, true, true, resource, handler);
    }

    /** An action its service authorizes; {@code audited} as the mutating ones are. */
    public static IamAction authorizedByService(String name, boolean audited, Handler handler) {
        return new IamAction(name, audited, false, context -> context.caller().arn(), handler);
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
