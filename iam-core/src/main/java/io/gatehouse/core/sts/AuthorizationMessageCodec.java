package io.gatehouse.core.sts;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.CompressionAlgorithm;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;

import java.text.ParseException;
import java.util.Objects;

/**
 * AWS's encoded authorization failure messages: the decision's details (which statements matched,
 * the request's context) sealed so only {@code sts:DecodeAuthorizationMessage} reads them. A compact
 * JWE under the session-token keys (AES-256-GCM: secret and tamper-evident), typed so that a session
 * token can never be decoded as a message, nor a message used as a token.
 */
public final class AuthorizationMessageCodec {

    static final JOSEObjectType TYPE = new JOSEObjectType("gatehouse-authorization-message");

    private final TokenKeys keys;

    public AuthorizationMessageCodec(TokenKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    public String encode(String decodedJson) {
        JWEHeader header = new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                .type(TYPE)
                .keyID(keys.currentId())
                .compressionAlgorithm(CompressionAlgorithm.DEF)
                .build();
        JWEObject jwe = new JWEObject(header, new Payload(decodedJson));
        try {
            jwe.encrypt(new DirectEncrypter(keys.current()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot encode an authorization message", e);
        }
        return jwe.serialize();
    }

    /** The JSON document the message was encoded from. */
    public String decode(String encoded) {
        try {
            JWEObject jwe = JWEObject.parse(encoded);
            JWEHeader header = jwe.getHeader();
            if (!JWEAlgorithm.DIR.equals(header.getAlgorithm())
                    || !EncryptionMethod.A256GCM.equals(header.getEncryptionMethod())
                    || !TYPE.equals(header.getType()) || header.getKeyID() == null) {
                throw invalid();
            }
            jwe.decrypt(new DirectDecrypter(keys.byId(header.getKeyID()).orElseThrow(AuthorizationMessageCodec::invalid)));
            return jwe.getPayload().toString();
        } catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException e) {
            throw invalid();
        }
    }

    private static IamException invalid() {
        return new IamException(ErrorCode.INVALID_AUTHORIZATION_MESSAGE,
                "The message provided is not a valid encoded authorization message.");
    }
}
