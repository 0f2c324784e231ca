package io.gatehouse.core.policy.eval;

import static io.gatehouse.core.policy.PolicyJson.allow;
import static io.gatehouse.core.policy.PolicyJson.deny;
import static io.gatehouse.core.policy.PolicyJson.policy;
import static io.gatehouse.core.policy.eval.Fixtures.ACCOUNT;
import static io.gatehouse.core.policy.eval.Fixtures.ALICE_ARN;
import static io.gatehouse.core.policy.eval.Fixtures.BUCKET;
import static io.gatehouse.core.policy.eval.Fixtures.OBJECT;
import static io.gatehouse.core.policy.eval.Fixtures.OTHER_ACCOUNT;
import static io.gatehouse.core.policy.eval.Fixtures.ROLE_ARN;
import static io.gatehouse.core.policy.eval.Fixtures.SESSION_ARN;
import static io.gatehouse.core.policy.eval.Fixtures.boundary;
import static io.gatehouse.core.policy.eval.Fixtures.builderSession;
import static io.gatehouse.core.policy.eval.Fixtures.decide;
import static io.gatehouse.core.policy.eval.Fixtures.identity;
import static io.gatehouse.core.policy.eval.Fixtures.request;
import static io.gatehouse.core.policy.eval.Fixtures.resource;
import static io.gatehouse.core.policy.eval.Fixtures.session;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EvaluationLogicTest {

    private static final CompiledPolicy READ_OBJECTS = identity("ReadObjects",
            policy().with(allow("s3:GetObject").resource(BUCKET + "/*")));

    @Test
    void deniesImplicitlyWhenNothingApplies() {
        // Rule: every request starts denied; without an applicable allow it stays denied.
        Decision d = decide(request("s3:GetObject", OBJECT), PolicySet.builder().build());
        assertEquals(Outcome.IMPLICIT_DENY, d.outcome());
        assertEquals(Basis.NO_IDENTITY_OR_RESOURCE_POLICY_ALLOWS, d.basis());
    }

    @Test
    void allowsWhenAnIdentityPolicyAllows() {
        // Rule: within one account an identity-based allow suffices when nothing else limits it.
        Decision d = decide(request("s3:GetObject", OBJECT), PolicySet.builder().identityPolicy(READ_OBJECTS).build());
        assertEquals(Outcome.ALLOWED, d.outcome());
        assertEquals(Basis.IDENTITY_POLICY, d.basis());
    }

    @Test
    void explicitDenyWinsOverAnyAllow() {
        // Rule: an explicit deny in any policy overrides every allow.
        PolicySet set = PolicySet.builder().identityPolicy(READ_OBJECTS)
                .identityPolicy(identity("NoReports", policy().with(deny("s3:*").resource(BUCKET + "/*")))).build();
        assertEquals(Outcome.EXPLICIT_DENY, decide(request("s3:GetObject", OBJECT), set).outcome());
    }

    @Test
    void explicitDenyInTheResourcePolicyWinsOverAnIdentityAllow() {
        PolicySet set = PolicySet.builder().identityPolicy(READ_OBJECTS)
                .resourcePolicy(resource("BucketPolicy", policy().with(deny("s3:GetObject").principal("*")
                        .resource(BUCKET + "/*")))).build();
        assertEquals(Outcome.EXPLICIT_DENY, decide(request("s3:GetObject", OBJECT), set).outcome());
    }

    @Test
    void deniesWhenBoundaryDoesNotAllow() {
        // Rule: a permissions boundary caps identity permissions: both must allow.
        PolicySet set = PolicySet.builder().identityPolicy(READ_OBJECTS)
                .permissionBoundary(boundary("Boundary", policy().with(allow("ec2:*")))).build();
        Decision d = decide(request("s3:GetObject", OBJECT), set);
        assertEquals(Outcome.IMPLICIT_DENY, d.outcome());
        assertEquals(Basis.NO_PERMISSIONS_BOUNDARY_ALLOWS, d.basis());
    }

    @Test
    void allowsWhenIdentityAndBoundaryBothAllow() {
        PolicySet set = PolicySet.builder().identityPolicy(READ_OBJECTS)
                .permissionBoundary(boundary("Boundary", policy().with(allow("s3:*")))).build();
        assertEquals(Outcome.ALLOWED, decide(request("s3:GetObject", OBJECT), set).outcome());
    }

    @Test
    void aBoundaryAloneGrantsNothing() {
        // Rule: a boundary only limits; it never grants permissions by itself.
        PolicySet set = PolicySet.builder().permissionBoundary(boundary("Boundary", policy().with(allow("s3:*")))).build();
        assertEquals(Outcome.IMPLICIT_DENY, decide(request("s3:GetObject", OBJECT), set).outcome());
    }

    @Test
    void deniesWhenSessionPolicyDoesNotAllow() {
        // Rule: session policies intersect with the role's identity permissions.
        RequestContext r = RequestContext.builder().principal(builderSession()).action("s3:GetObject")
                .resource(OBJECT).resourceAccount(ACCOUNT).build();
        PolicySet set = PolicySet.builder().identityPolicy(READ_OBJECTS)
                .sessionPolicy(session("Session", policy().with(allow("s3:ListBucket")))).build();
        Decision d = decide(r, set);
        assertEquals(Outcome.IMPLICIT_DENY, d.outcome());
        assertEquals(Basis.NO_SESSION_POLICY_ALLOWS, d.basis());
    }

    @Test
    void allowsWhenIdentityAndSessionPolicyBothAllow() {
        RequestContext r = RequestContext.builder().principal(builderSession()).action("s3:GetObject")
                .resource(OBJECT).resourceAccount(ACCOUNT).build();
        PolicySet set = PolicySet.builder().identityPolicy(READ_OBJECTS)
                .sessionPolicy(session("Session", policy().with(allow("s3:Get*")))).build();
        assertEquals(Outcome.ALLOWED, decide(r, set).outcome());
    }

    @Test
    void aResourcePolicyNamingTheUserAllowsDespiteTheBoundary() {
        // Rule: in one account, a resource-based policy that names the IAM user's ARN is not limited by
        // the implicit deny of that user's identity policies or permissions boundary.
        PolicySet set = PolicySet.builder()
                .permissionBoundary(boundary("Boundary", policy().with(allow("ec2:*"))))
                .resourcePolicy(resource("BucketPolicy", policy().with(allow("s3:GetObject").principal(ALICE_ARN)
                        .resource(BUCKET + "/*")))).build();
        Decision d = decide(request("s3:GetObject", OBJECT), set);
        assertEquals(Outcome.ALLOWED, d.outcome());
        assertEquals(Basis.RESOURCE_POLICY, d.basis());
    }

    @Test
    void aResourcePolicyNamingTheRoleSessionAllowsDespiteTheSessionPolicy() {
        // Rule: naming the role session's ARN is not limited by session policies or the boundary.
        RequestContext r = RequestContext.builder().principal(builderSession()).action("s3:GetObject")
                .resource(OBJECT).resourceAccount(ACCOUNT).build();
        PolicySet set = PolicySet.builder()
                .sessionPolicy(session("Session", policy().with(allow("ec2:*"))))
                .resourcePolicy(resource("BucketPolicy", policy().with(allow("s3:GetObject").principal(SESSION_ARN)
                        .resource(BUCKET + "/*")))).build();
        assertEquals(Outcome.ALLOWED, decide(r, set).outcome());
    }

    @Test
    void aResourcePolicyNamingTheRoleIsLimitedByTheBoundary() {
        // Rule: naming the role (not the session) leaves the role's boundary and session policies in force.
        RequestContext r = RequestContext.builder().principal(builderSession()).action("s3:GetObject")
                .resource(OBJECT).resourceAccount(ACCOUNT).build();
        PolicySet.Builder set = PolicySet.builder()
                .resourcePolicy(resource("BucketPolicy", policy().with(allow("s3:GetObject").principal(ROLE_ARN)
                        .resource(BUCKET + "/*"))));
        assertEquals(Outcome.ALLOWED, decide(r, set.build()).outcome());
        set.permissionBoundary(boundary("Boundary", policy().with(allow("ec2:*"))));
        assertEquals(Basis.NO_PERMISSIONS_BOUNDARY_ALLOWS, decide(r, set.build()).basis());
    }

    @Test
    void aResourcePolicyNamingTheAccountOnlyDelegatesToIdentityPolicies() {
        // Rule: naming the account in a resource policy lets the account's own IAM policies decide.
        PolicySet.Builder set = PolicySet.builder().resourcePolicy(resource("KeyPolicy",
                policy().with(allow("s3:GetObject").principal("arn:aws:iam::" + ACCOUNT + ":root").resource("*"))));
        assertEquals(Outcome.IMPLICIT_DENY, decide(request("s3:GetObject", OBJECT), set.build()).outcome());
        set.identityPolicy(READ_OBJECTS);
        assertEquals(Outcome.ALLOWED, decide(request("s3:GetObject", OBJECT), set.build()).outcome());
    }

    @Test
    void acrossAccountsBothSidesMustAllow() {
        // Rule: a cross-account request needs an allow from the caller's account and from the resource policy.
        RequestContext r = Fixtures.aliceRequest("s3:GetObject", OBJECT).resourceAccount(OTHER_ACCOUNT).build();
        CompiledPolicy bucketPolicy = resource("BucketPolicy", policy().with(allow("s3:GetObject")
                .principal(ACCOUNT).resource(BUCKET + "/*")));
        assertEquals(Basis.NO_RESOURCE_POLICY_ALLOWS,
                decide(r, PolicySet.builder().identityPolicy(READ_OBJECTS).build()).basis());
        assertEquals(Basis.NO_IDENTITY_POLICY_ALLOWS,
                decide(r, PolicySet.builder().resourcePolicy(bucketPolicy).build()).basis());
        Decision both = decide(r, PolicySet.builder().identityPolicy(READ_OBJECTS).resourcePolicy(bucketPolicy).build());
        assertEquals(Outcome.ALLOWED, both.outcome());
        assertEquals(Basis.IDENTITY_AND_RESOURCE_POLICY, both.basis());
    }

    @Test
    void acrossAccountsTheCallersBoundaryStillApplies() {
        RequestContext r = Fixtures.aliceRequest("s3:GetObject", OBJECT).resourceAccount(OTHER_ACCOUNT).build();
        PolicySet set = PolicySet.builder().identityPolicy(READ_OBJECTS)
                .permissionBoundary(boundary("Boundary", policy().with(allow("ec2:*"))))
                .resourcePolicy(resource("BucketPolicy", policy().with(allow("s3:GetObject").principal(ALICE_ARN)
                        .resource(BUCKET + "/*")))).build();
        assertEquals(Basis.NO_PERMISSIONS_BOUNDARY_ALLOWS, decide(r, set).basis());
    }

    @Test
    void theRootUserIsAllowedEverythingInItsOwnAccount() {
        // Rule: the root user has full access to its own account without any policy.
        RequestContext r = RequestContext.builder().principal(RequestPrincipal.root(ACCOUNT)).action("iam:DeleteUser")
                .resource("arn:aws:iam::" + ACCOUNT + ":user/bob").resourceAccount(ACCOUNT).build();
        Decision d = decide(r, PolicySet.builder().build());
        assertEquals(Outcome.ALLOWED, d.outcome());
        assertEquals(Basis.ROOT_USER, d.basis());
    }

    @Test
    void theRootUserIsStillSubjectToAnExplicitDeny() {
        // Rule: a deny in a resource-based policy applies to the root user too.
        RequestContext r = RequestContext.builder().principal(RequestPrincipal.root(ACCOUNT)).action("s3:GetObject")
                .resource(OBJECT).resourceAccount(ACCOUNT).build();
        PolicySet set = PolicySet.builder().resourcePolicy(resource("BucketPolicy",
                policy().with(deny("s3:*").principal("*").resource(BUCKET + "/*")))).build();
        assertEquals(Outcome.EXPLICIT_DENY, decide(r, set).outcome());
    }

    @Test
    void theRootUserNeedsTheResourcePolicyInAnotherAccount() {
        RequestContext r = RequestContext.builder().principal(RequestPrincipal.root(ACCOUNT)).action("s3:GetObject")
                .resource(OBJECT).resourceAccount(OTHER_ACCOUNT).build();
        assertEquals(Outcome.IMPLICIT_DENY, decide(r, PolicySet.builder().build()).outcome());
    }

    @Test
    void aServicePrincipalIsAllowedOnlyByTheTrustPolicy() {
        // Rule: a service has no identity policies; the role's trust policy alone decides AssumeRole.
        CompiledPolicy trust = CompiledPolicy.parseTrustPolicy("Builder/trust", policy().with(allow("sts:AssumeRole")
                .noResource().principalJson("{\"Service\": \"ec2.amazonaws.com\"}")).json());
        PolicySet set = PolicySet.builder().resourcePolicy(trust).build();
        RequestContext ec2 = RequestContext.builder().principal(RequestPrincipal.service("ec2.amazonaws.com"))
                .action("sts:AssumeRole").resource(ROLE_ARN).resourceAccount(ACCOUNT).build();
        RequestContext lambda = RequestContext.builder().principal(RequestPrincipal.service("lambda.amazonaws.com"))
                .action("sts:AssumeRole").resource(ROLE_ARN).resourceAccount(ACCOUNT).build();
        assertEquals(Outcome.ALLOWED, decide(ec2, set).outcome());
        assertEquals(Outcome.IMPLICIT_DENY, decide(lambda, set).outcome());
    }

    @Test
    void notPrincipalAppliesToEveryoneNotListed() {
        // Rule: NotPrincipal makes the statement apply to every principal except those listed.
        PolicySet set = PolicySet.builder().identityPolicy(READ_OBJECTS).resourcePolicy(resource("BucketPolicy",
                policy().with(deny("s3:*").notPrincipal("arn:aws:iam::" + ACCOUNT + ":user/bob").resource("*")))).build();
        assertEquals(Outcome.EXPLICIT_DENY, decide(request("s3:GetObject", OBJECT), set).outcome());
        PolicySet excludingAlice = PolicySet.builder().identityPolicy(READ_OBJECTS).resourcePolicy(resource("BucketPolicy",
                policy().with(deny("s3:*").notPrincipal(ALICE_ARN).resource("*")))).build();
        assertEquals(Outcome.ALLOWED, decide(request("s3:GetObject", OBJECT), excludingAlice).outcome());
    }

    @Test
    void notActionAllowsEverythingButTheListedActions() {
        // Rule: NotAction matches every action except those listed (it does not deny them).
        var p = policy().with(allow().notAction("iam:*"));
        assertEquals(true, Fixtures.allowed(request("s3:GetObject", OBJECT), p));
        assertEquals(Outcome.IMPLICIT_DENY, Fixtures.decide(request("iam:CreateUser", "*"), p).outcome());
    }

    @Test
    void notResourceAllowsEveryResourceButTheListedOnes() {
        var p = policy().with(allow("s3:GetObject").notResource(BUCKET + "/secret/*"));
        assertEquals(true, Fixtures.allowed(request("s3:GetObject", OBJECT), p));
        assertEquals(false, Fixtures.allowed(request("s3:GetObject", BUCKET + "/secret/x"), p));
    }
}
