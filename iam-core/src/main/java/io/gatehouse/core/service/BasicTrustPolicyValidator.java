package io.gatehouse.core.service;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;

import java.util.List;
import java.util.Map;

/**
 * The interim trust policy check, until the policy language parser takes over: only what is cheap
 * and certain. The document fits the trust policy quota (whitespace not counted, as in AWS), is a
 * JSON object with a {@code Statement}, and every statement names a {@code Principal} and no
 * {@code Resource} (a trust policy's resource is the role itself).
 */
public final class BasicTrustPolicyValidator implements TrustPolicyValidator {

    @Override
    public void validate(String document) {
        long counted = document.chars().filter(c -> !Character.isWhitespace(c)).count();
        if (counted > Quotas.TRUST_POLICY_SIZE) {
            // AWS names this quota ACLSizePerRole.
            throw IamException.limitExceeded("Cannot exceed quota for ACLSizePerRole: " + Quotas.TRUST_POLICY_SIZE);
        }
        // The size check comes first: it also bounds how deeply the reader below can recurse.
        Object root;
        try {
            root = JsonSyntax.parse(document);
        } catch (IllegalArgumentException e) {
            throw malformed("Syntax errors in policy. " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> policy)) {
            throw malformed("Syntax errors in policy. The policy must be a JSON object.");
        }
        Object statements = policy.get("Statement");
        if (statements == null) {
            throw malformed("Missing required field Statement");
        }
        List<?> list = statements instanceof List<?> l ? l : List.of(statements);
        if (list.isEmpty()) {
            throw malformed("Missing required field Statement");
        }
        for (Object statement : list) {
            check(statement);
        }
    }

    private static void check(Object statement) {
        if (!(statement instanceof Map<?, ?> fields)) {
            throw malformed("Syntax errors in policy. Each statement must be a JSON object.");
        }
        if (fields.containsKey("Resource") || fields.containsKey("NotResource")) {
            throw malformed("Has prohibited field " + (fields.containsKey("Resource") ? "Resource" : "NotResource"));
        }
        if (!fields.containsKey("Principal")) {
            throw malformed("Missing required field Principal");
        }
    }

    private static IamException malformed(String message) {
        return new IamException(ErrorCode.MALFORMED_POLICY_DOCUMENT, message);
    }
}
