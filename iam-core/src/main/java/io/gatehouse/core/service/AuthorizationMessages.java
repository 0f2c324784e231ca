package io.gatehouse.core.service;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.sts.AuthorizationMessageCodec;

/**
 * {@code sts:DecodeAuthorizationMessage}: the details of a refusal, for a caller allowed to read
 * them (they may name policies and condition values the refused caller should not see).
 */
public final class AuthorizationMessages {

    public static final String DECODE = "sts:DecodeAuthorizationMessage";
    private static final int MAX_ENCODED_LENGTH = 10240;

    private final Authorizer authorizer;
    private final AuthorizationMessageCodec codec;

    public AuthorizationMessages(Authorizer authorizer, AuthorizationMessageCodec codec) {
        this.authorizer = authorizer;
        this.codec = codec;
    }

    /** The decoded JSON document; an altered, foreign or truncated message is InvalidAuthorizationMessageException. */
    public String decode(Caller caller, String encodedMessage, RequestFacts facts) {
        if (encodedMessage.isEmpty() || encodedMessage.length() > MAX_ENCODED_LENGTH) {
            throw IamException.validation("1 validation error detected: Value at 'encodedMessage' failed to satisfy "
                    + "constraint: Member must have length between 1 and " + MAX_ENCODED_LENGTH);
        }
        // AWS authorizes the action against "*": the caller's account stands for it.
        authorizer.authorize(caller, DECODE, Arn.accountRoot(caller.account()), facts);
        return codec.decode(encodedMessage.strip());
    }
}
