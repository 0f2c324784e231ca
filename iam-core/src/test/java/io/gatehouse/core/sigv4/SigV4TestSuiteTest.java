package io.gatehouse.core.sigv4;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** AWS's published SigV4 test suite, each vector in header and presigned form. */
class SigV4TestSuiteTest {

    private final SigV4Verifier verifier =
            new SigV4Verifier(Clock.fixed(Instant.parse(SuiteVector.SIGNED_AT), ZoneOffset.UTC));

    static Stream<SuiteVector> vectors() {
        return SuiteVector.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void buildsTheSuitesCanonicalRequest(SuiteVector vector) {
        SigV4Claim claim = verifier.parse(vector.request());

        String canonical = verifier.canonicalRequest(vector.request(), claim, verifier.payloadHash(vector.request(), claim));

        assertEquals(vector.canonicalRequest(), canonical);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void buildsTheSuitesStringToSign(SuiteVector vector) {
        SigV4Claim claim = verifier.parse(vector.request());

        assertEquals(vector.stringToSign(), SigV4Verifier.stringToSign(claim, vector.canonicalRequest()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void computesTheSuitesSignature(SuiteVector vector) {
        SigV4Claim claim = verifier.parse(vector.request());
        byte[] key = SigV4Verifier.signingKey(SuiteVector.SECRET, claim.scope());

        assertEquals(vector.signature(), SigV4Verifier.signature(key, vector.stringToSign()));
        assertEquals(vector.signature(), claim.signature());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void acceptsTheSignedRequest(SuiteVector vector) {
        SigV4Claim claim = verifier.parse(vector.request());

        assertDoesNotThrow(() -> verifier.verify(vector.request(), claim, SuiteVector.SECRET));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rejectsAChangedSignature(SuiteVector vector) {
        SigV4Claim claim = verifier.parse(vector.request());
        String signature = claim.signature();
        char last = signature.charAt(signature.length() - 1);
        SigV4Claim forged = new SigV4Claim(claim.accessKeyId(), claim.scope(), claim.signedHeaders(),
                signature.substring(0, signature.length() - 1) + (last == '0' ? '1' : '0'),
                claim.requestTime(), claim.sessionToken(), claim.presigned(), claim.expires());

        assertMismatch(() -> verifier.verify(vector.request(), forged, SuiteVector.SECRET));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rejectsAnotherSecret(SuiteVector vector) {
        SigV4Claim claim = verifier.parse(vector.request());

        assertMismatch(() -> verifier.verify(vector.request(), claim, "x" + SuiteVector.SECRET.substring(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rejectsAChangedBody(SuiteVector vector) {
        HttpRequestView request = vector.request();
        byte[] body = request.body();
        byte[] changed = body.length == 0 ? new byte[] {'x'} : body.clone();
        if (body.length > 0) {
            changed[0] ^= 1;
        }
        HttpRequestView tampered = new HttpRequestView(request.method(), request.rawPath(), request.rawQuery(),
                request.headers(), changed);

        assertMismatch(() -> verifier.verify(tampered, verifier.parse(tampered), SuiteVector.SECRET));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rejectsAChangedSignedHeader(SuiteVector vector) {
        HttpRequestView request = vector.request();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            List<String> copy = new ArrayList<>(values);
            if (name.equalsIgnoreCase("host")) {
                copy.set(0, copy.get(0) + "x");
            }
            headers.put(name, copy);
        });
        HttpRequestView tampered = new HttpRequestView(request.method(), request.rawPath(), request.rawQuery(),
                headers, request.body());

        assertMismatch(() -> verifier.verify(tampered, verifier.parse(tampered), SuiteVector.SECRET));
    }

    private static void assertMismatch(org.junit.jupiter.api.function.Executable verification) {
        IamException e = assertThrows(IamException.class, verification);
        assertEquals(ErrorCode.SIGNATURE_DOES_NOT_MATCH, e.code());
    }
}
