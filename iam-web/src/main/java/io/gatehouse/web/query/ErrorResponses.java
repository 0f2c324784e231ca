package io.gatehouse.web.query;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;

import java.util.logging.Level;
import java.util.logging.Logger;

/** The one place where a failure becomes AWS's {@code <ErrorResponse>} with its HTTP status. */
public final class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

    private ErrorResponses() {
    }

    public static Response of(Throwable failure, String namespace, String requestId) {
        IamException error = asIamException(failure, requestId);
        return Response.status(error.code().httpStatus())
                .type("text/xml")
                .header("x-amzn-RequestId", requestId)
                .entity(xml(error, namespace, requestId))
                .build();
    }

    /** AWS's {@code <ErrorResponse>} document for {@code error}. */
    public static String xml(IamException error, String namespace, String requestId) {
        return new XmlWriter()
                .startWithNamespace("ErrorResponse", namespace)
                .start("Error")
                .element("Type", error.code().senderFault() ? "Sender" : "Receiver")
                .element("Code", error.code().code())
                .element("Message", error.getMessage())
                .end()
                .element("RequestId", requestId)
                .end()
                .finish();
    }

    /** Finds the IAM error in a cause chain (the transaction interceptor wraps what it rethrows). */
    public static IamException asIamException(Throwable failure, String requestId) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IamException iam) {
                return iam;
            }
            if (t instanceof OptimisticLockException) {
                return new IamException(ErrorCode.CONCURRENT_MODIFICATION,
                        "The request was rejected because multiple requests to change this object were submitted simultaneously. Wait a few minutes and submit your request again.");
            }
        }
        LOG.log(Level.SEVERE, "Request " + requestId + " failed", failure);
        return new IamException(ErrorCode.SERVICE_FAILURE,
                "The request processing has failed because of an unknown error, exception or failure.");
    }
}
