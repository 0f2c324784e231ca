package io.gatehouse.web.query;

import io.gatehouse.core.service.RequestFacts;
import io.gatehouse.core.sts.SessionPrincipal;

import java.util.Objects;

/**
 * An STS action that AWS runs without a signature (AssumeRoleWithSAML, AssumeRoleWithWebIdentity):
 * the assertion or token in the request is the credential, so there is no caller. It issues a
 * session and answers whom for, which its audit event names as the principal.
 */
public record UnsignedAction(String name, Handler handler) {

    public UnsignedAction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
    }

    @FunctionalInterface
    public interface Handler {
        /** Writes the content of {@code <NameResult>}; returns the principal of the issued session. */
        SessionPrincipal handle(QueryParameters params, RequestFacts facts, XmlWriter result);
    }
}
