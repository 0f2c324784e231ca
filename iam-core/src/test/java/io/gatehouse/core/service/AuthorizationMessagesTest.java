package io.gatehouse.core.service;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.credential.SecretCipher;
import io.gatehouse.core.error.AuthorizationRefusal;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.policy.eval.CompiledPolicy;
import io.gatehouse.core.policy.eval.PolicyEvaluator;
import io.gatehouse.core.policy.eval.PolicySet;
import io.gatehouse.core.policy.eval.PolicyType;
import io.gatehouse.core.sts.AuthorizationMessageCodec;
import io.gatehouse.core.sts.SessionPrincipal;
import io.gatehouse.core.sts.SessionToken;
import io.gatehouse.core.sts.SessionTokenCodec;
import io.gatehouse.core.sts.TokenKeys;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IAM refusals carry an encoded message; sts:DecodeAuthorizationMessage reads it for callers allowed to. */
class AuthorizationMessagesTest {

    private static final AccountId ACCOUNT = new AccountId("123456789012");
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final RequestFacts FACTS = new RequestFacts("192.0.2.1", true, NOW);
    private static final User ALICE = new User(ACCOUNT, "AIDAALICE0000000000A", "alice", "/", NOW, List.of());

    private final TokenKeys keys = new TokenKeys(SecretCipher.generateKey("t"), List.of());
    private final AuthorizationMessageCodec codec = new AuthorizationMessageCodec(keys);
    private PolicySet policies = policy("{\"Sid\":\"NoUsers\",\"Effect\":\"Deny\",\"Action\":\"iam:CreateUser\",\"Resource\":\"*\"}");

    private PolicyAuthorizer authorizer() {
        return new PolicyAuthorizer(new FixedPolicies(policies), new InMemoryRoles(), new PolicyEvaluator(),
                account -> false, Optional.of(codec));
    }

    private IamException refusal(String action, Arn resource) {
        IamException e = assertThrows(IamException.class,
                () -> authorizer().authorize(Caller.user(ALICE, "AKIA"), action, resource, FACTS));
        assertEquals(ErrorCode.ACCESS_DENIED, e.code());
        return e;
    }

    private static String encodedPart(IamException refusal) {
        return assertInstanceOf(AuthorizationRefusal.class, refusal).encodedMessage();
    }

    @Test
    void anIamRefusalCarriesAMessageThatDecodesIntoAwsShapeButReadsAsNothing() throws Exception {
        IamException refusal = refusal("iam:CreateUser", Arn.iam(ACCOUNT, "user", "/", "bob"));
        assertEquals("User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:CreateUser on "
                + "resource: arn:aws:iam::123456789012:user/bob with an explicit deny in an identity-based policy",
                refusal.getMessage(), "the message reads as AWS's IAM words it, without the encoded details");
        String encoded = encodedPart(refusal);
        assertFalse(encoded.contains("CreateUser") || encoded.contains("alice"), encoded);

        Map<String, Object> decoded = JSONObjectUtils.parse(codec.decode(encoded));

        assertEquals(false, decoded.get("allowed"));
        assertEquals(true, decoded.get("explicitDeny"));
        Map<String, Object> context = JSONObjectUtils.getJSONObject(decoded, "context");
        assertEquals("iam:CreateUser", context.get("action"));
        assertEquals("arn:aws:iam::123456789012:user/bob", context.get("resource"));
        assertEquals("arn:aws:iam::123456789012:user/alice", JSONObjectUtils.getJSONObject(context, "principal").get("arn"));
        assertTrue(codec.decode(encoded).contains("\"statementId\":\"NoUsers\""));
        assertTrue(codec.decode(encoded).contains("\"values\":{\"items\":[{\"value\":\"192.0.2.1\"}]}"));
    }

    @Test
    void stsRefusalsCarryNoEncodedMessage() {
        assertFalse(refusal("sts:GetFederationToken", Arn.accountRoot(ACCOUNT)) instanceof AuthorizationRefusal);
    }

    @Test
    void onlyACallerAllowedTheActionMayDecode() {
        String encoded = encodedPart(refusal("iam:CreateUser", Arn.iam(ACCOUNT, "user", "/", "bob")));

        IamException denied = assertThrows(IamException.class, () -> new AuthorizationMessages(authorizer(), codec)
                .decode(Caller.user(ALICE, "AKIA"), encoded, FACTS));
        assertEquals(ErrorCode.ACCESS_DENIED, denied.code());

        policies = policy("{\"Effect\":\"Allow\",\"Action\":\"sts:DecodeAuthorizationMessage\",\"Resource\":\"*\"}");
        assertTrue(new AuthorizationMessages(authorizer(), codec).decode(Caller.user(ALICE, "AKIA"), encoded, FACTS)
                .startsWith("{\"allowed\":false"));
    }

    @Test
    void anAlteredOrForeignMessageIsInvalid() {
        policies = policy("{\"Effect\":\"Allow\",\"Action\":\"sts:DecodeAuthorizationMessage\",\"Resource\":\"*\"}");
        AuthorizationMessages messages = new AuthorizationMessages(authorizer(), codec);
        String encoded = codec.encode("{\"allowed\":false}");
        String altered = encoded.substring(0, encoded.length() - 4) + (encoded.endsWith("AAAA") ? "BBBB" : "AAAA");
        String foreign = new AuthorizationMessageCodec(new TokenKeys(SecretCipher.generateKey("other"), List.of()))
                .encode("{\"allowed\":false}");

        String sessionToken = new SessionTokenCodec(keys, java.time.Clock.systemUTC()).seal(new SessionToken(
                "ASIAEXAMPLE000000000", "secret", new SessionPrincipal.RootSession(ACCOUNT), NOW, NOW.plusSeconds(900),
                Optional.empty(), Optional.empty(), List.of(), List.of(), java.util.Set.of(), Optional.empty(), false));

        for (String bad : List.of(altered, foreign, sessionToken, "not-a-message")) {
            IamException e = assertThrows(IamException.class, () -> messages.decode(Caller.user(ALICE, "AKIA"), bad, FACTS));
            assertEquals(ErrorCode.INVALID_AUTHORIZATION_MESSAGE, e.code(), bad);
        }
    }

    private static PolicySet policy(String statement) {
        return PolicySet.builder().identityPolicy(CompiledPolicy.parse("test", PolicyType.IDENTITY,
                "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}")).build();
    }
}
