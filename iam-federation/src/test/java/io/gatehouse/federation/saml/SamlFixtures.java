package io.gatehouse.federation.saml;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.junit.jupiter.api.function.Executable;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The registered identity provider, a stranger, and the validator at the builder's "now". */
final class SamlFixtures {

    static final SigningIdentity IDP_KEY = SigningIdentity.rsa("idp.example.com");
    static final SigningIdentity STRANGER = SigningIdentity.rsa("attacker.example.net");

    private SamlFixtures() {
    }

    static SamlTrust trust() {
        return new SamlTrust(SamlResponseBuilder.IDP, List.of(IDP_KEY.certificate()), Set.of(SamlTrust.AWS_SIGN_IN),
                Set.of(SamlTrust.AWS_SIGN_IN));
    }

    static SamlResponseValidator validatorAt(Instant now) {
        return new SamlResponseValidator(Clock.fixed(now, ZoneOffset.UTC));
    }

    static SamlResponseValidator validator() {
        return validatorAt(SamlResponseBuilder.NOW);
    }

    static SamlResponseBuilder signedAssertion() {
        return new SamlResponseBuilder().signAssertionWith(IDP_KEY);
    }

    static IamException refused(ErrorCode code, Executable validation) {
        IamException refusal = assertThrows(IamException.class, validation);
        assertEquals(code, refusal.code(), refusal.getMessage());
        return refusal;
    }
}
