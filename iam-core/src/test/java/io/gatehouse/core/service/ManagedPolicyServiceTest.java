package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.CredentialGenerator;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.ManagedPolicy;
import io.gatehouse.core.identity.PolicyAttachment;
import io.gatehouse.core.identity.PolicyAttachment.Kind;
import io.gatehouse.core.identity.PrincipalType;
import io.gatehouse.core.policy.MalformedPolicyException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of managed policies: validation, versions, conflicts and the immutable AWS-managed ones. */
class ManagedPolicyServiceTest {

    private static final AccountId ACCOUNT = new AccountId("123456789012");
    private static final String DOCUMENT = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:Get*","Resource":"*"}]}""";
    private static final String AWS_READ_ONLY = "arn:aws:iam::aws:policy/IAMReadOnlyAccess";

    private final InMemoryPolicies store = new InMemoryPolicies();
    private final ManagedPolicyService service = new ManagedPolicyService(store, store, AwsManagedPolicies.load(),
            new CredentialGenerator(), Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC));

    private ManagedPolicy given(String name) {
        return service.create(ACCOUNT, name, Optional.empty(), DOCUMENT, Optional.empty());
    }

    private static ErrorCode code(Runnable call) {
        return assertThrows(IamException.class, call::run).code();
    }

    @Test
    void createsAPolicyWithItsFirstVersionAsDefault() {
        ManagedPolicy policy = given("Readers");

        assertEquals("arn:aws:iam::123456789012:policy/Readers", policy.arn().toString());
        assertEquals("v1", policy.defaultVersionId());
        assertTrue(policy.policyId().startsWith("ANPA"));
        assertEquals(DOCUMENT, service.defaultDocument(ACCOUNT, policy));
    }

    @Test
    void refusesAMalformedDocumentWithItsPosition() {
        MalformedPolicyException e = assertThrows(MalformedPolicyException.class,
                () -> service.create(ACCOUNT, "Bad", Optional.empty(), "{\"Version\":\"2012-10-17\",\n\"Statement\":7}",
                        Optional.empty()));

        assertEquals(2, e.line());
    }

    @Test
    void allowsAtMostFiveVersions() {
        ManagedPolicy policy = given("Five");
        for (int i = 0; i < 4; i++) {
            service.createVersion(ACCOUNT, policy.arn().toString(), DOCUMENT, false);
        }

        assertEquals(ErrorCode.LIMIT_EXCEEDED,
                code(() -> service.createVersion(ACCOUNT, policy.arn().toString(), DOCUMENT, false)));
    }

    @Test
    void theDefaultVersionCannotBeDeleted() {
        ManagedPolicy policy = given("Default");

        assertEquals(ErrorCode.DELETE_CONFLICT, code(() -> service.deleteVersion(ACCOUNT, policy.arn().toString(), "v1")));
    }

    @Test
    void aPolicyWithOtherVersionsOrAttachmentsCannotBeDeleted() {
        ManagedPolicy policy = given("Busy");
        String arn = policy.arn().toString();
        service.createVersion(ACCOUNT, arn, DOCUMENT, false);
        assertEquals(ErrorCode.DELETE_CONFLICT, code(() -> service.delete(ACCOUNT, arn)));

        service.deleteVersion(ACCOUNT, arn, "v2");
        store.attach(ACCOUNT, new PolicyAttachment(arn, PrincipalType.GROUP, "AGPA1", Kind.PERMISSIONS));
        assertEquals(ErrorCode.DELETE_CONFLICT, code(() -> service.delete(ACCOUNT, arn)));
    }

    @Test
    void setAsDefaultMovesTheDefault() {
        ManagedPolicy policy = given("Moving");

        service.createVersion(ACCOUNT, policy.arn().toString(), DOCUMENT, true);

        assertEquals("v2", service.get(ACCOUNT, policy.arn().toString()).defaultVersionId());
    }

    @Test
    void awsManagedPoliciesAreVisibleButImmutable() {
        assertEquals("IAMReadOnlyAccess", service.get(ACCOUNT, AWS_READ_ONLY).name());
        assertEquals(ErrorCode.ACCESS_DENIED, code(() -> service.delete(ACCOUNT, AWS_READ_ONLY)));
        assertEquals(ErrorCode.ACCESS_DENIED, code(() -> service.createVersion(ACCOUNT, AWS_READ_ONLY, DOCUMENT, true)));
    }

    @Test
    void anotherAccountsPolicyDoesNotExistForTheCaller() {
        ManagedPolicy policy = given("Private");

        assertEquals(ErrorCode.NO_SUCH_ENTITY,
                code(() -> service.get(new AccountId("210987654321"), policy.arn().toString())));
    }
}
