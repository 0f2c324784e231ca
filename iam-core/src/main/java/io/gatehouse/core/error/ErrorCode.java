package io.gatehouse.core.error;

/**
 * The AWS error codes Gatehouse answers with, and the HTTP status AWS pairs with each.
 * This enum is the one place where a failure becomes a wire-level code.
 */
public enum ErrorCode {
    // Request and authentication errors (AWS common errors).
    INVALID_ACTION("InvalidAction", 400, true),
    MISSING_ACTION("MissingAction", 400, true),
    MISSING_PARAMETER("MissingParameter", 400, true),
    INVALID_PARAMETER_VALUE("InvalidParameterValue", 400, true),
    INVALID_PARAMETER_COMBINATION("InvalidParameterCombination", 400, true),
    MALFORMED_QUERY_STRING("MalformedQueryString", 404, true),
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationToken", 403, true),
    INCOMPLETE_SIGNATURE("IncompleteSignature", 400, true),
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403, true),
    INVALID_CLIENT_TOKEN_ID("InvalidClientTokenId", 403, true),
    REQUEST_EXPIRED("RequestExpired", 400, true),
    EXPIRED_TOKEN("ExpiredToken", 400, true),
    ACCESS_DENIED("AccessDenied", 403, true),
    OPT_IN_REQUIRED("OptInRequired", 403, true),

    // IAM modelled errors (botocore's iam service model gives codes and statuses).
    VALIDATION_ERROR("ValidationError", 400, true),
    INVALID_INPUT("InvalidInput", 400, true),
    NO_SUCH_ENTITY("NoSuchEntity", 404, true),
    ENTITY_ALREADY_EXISTS("EntityAlreadyExists", 409, true),
    LIMIT_EXCEEDED("LimitExceeded", 409, true),
    DELETE_CONFLICT("DeleteConflict", 409, true),
    MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocument", 400, true),
    PASSWORD_POLICY_VIOLATION("PasswordPolicyViolation", 400, true),
    CONCURRENT_MODIFICATION("ConcurrentModification", 409, true),
    UNMODIFIABLE_ENTITY("UnmodifiableEntity", 400, true),
    ENTITY_TEMPORARILY_UNMODIFIABLE("EntityTemporarilyUnmodifiable", 409, true),
    INVALID_AUTHENTICATION_CODE("InvalidAuthenticationCode", 403, true),
    INVALID_CERTIFICATE("InvalidCertificate", 400, true),
    MALFORMED_CERTIFICATE("MalformedCertificate", 400, true),
    DUPLICATE_CERTIFICATE("DuplicateCertificate", 409, true),
    INVALID_USER_TYPE("InvalidUserType", 400, true),
    REPORT_NOT_PRESENT("ReportNotPresent", 410, true),
    REPORT_EXPIRED("ReportExpired", 410, true),
    REPORT_IN_PROGRESS("ReportInProgress", 404, true),

    // STS modelled errors (botocore's sts service model).
    PACKED_POLICY_TOO_LARGE("PackedPolicyTooLarge", 400, true),
    REGION_DISABLED("RegionDisabledException", 403, true),
    /** A SAML assertion or web identity token past its validity (the session-token error is {@link #EXPIRED_TOKEN}). */
    EXPIRED_TOKEN_EXCEPTION("ExpiredTokenException", 400, true),
    INVALID_IDENTITY_TOKEN("InvalidIdentityToken", 400, true),
    IDP_REJECTED_CLAIM("IDPRejectedClaim", 403, true),
    IDP_COMMUNICATION_ERROR("IDPCommunicationError", 400, true),
    INVALID_AUTHORIZATION_MESSAGE("InvalidAuthorizationMessageException", 400, true),

    // Organizations modelled errors (JSON protocol: the code travels as __type).
    ACCOUNT_NOT_FOUND("AccountNotFoundException", 400, true),
    CREATE_ACCOUNT_STATUS_NOT_FOUND("CreateAccountStatusNotFoundException", 400, true),
    ORGANIZATIONS_NOT_IN_USE("AWSOrganizationsNotInUseException", 400, true),
    ORGANIZATIONS_ACCESS_DENIED("AccessDeniedException", 400, true),
    ORGANIZATIONS_INVALID_INPUT("InvalidInputException", 400, true),

    SERVICE_FAILURE("ServiceFailure", 500, false);

    private final String code;
    private final int httpStatus;
    private final boolean senderFault;

    ErrorCode(String code, int httpStatus, boolean senderFault) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.senderFault = senderFault;
    }

    /** The code as it appears on the wire, e.g. {@code NoSuchEntity}. */
    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** AWS's {@code <Type>}: {@code Sender} for the caller's fault, {@code Receiver} for ours. */
    public boolean senderFault() {
        return senderFault;
    }
}
