package io.gatehouse.core.policy.eval;

import static io.gatehouse.core.policy.PolicyJson.allow;
import static io.gatehouse.core.policy.PolicyJson.policy;
import static io.gatehouse.core.policy.eval.Fixtures.allowed;
import static io.gatehouse.core.policy.eval.Fixtures.request;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MatchingTest {

    @Test
    void actionsMatchCaseInsensitively() {
        // Rule: action names ignore case, in the service prefix as in the action.
        assertTrue(allowed(request("S3:getobject", "*"), policy().with(allow("s3:GetObject"))));
        assertTrue(allowed(request("s3:GetObject", "*"), policy().with(allow("S3:GETOBJECT"))));
    }

    @Test
    void actionWildcardsCoverPrefixesAndSingleCharacters() {
        assertTrue(allowed(request("iam:CreateAccessKey", "*"), policy().with(allow("iam:*AccessKey*"))));
        assertTrue(allowed(request("s3:GetObject", "*"), policy().with(allow("s3:Get?bject"))));
        assertFalse(allowed(request("s3:PutObject", "*"), policy().with(allow("s3:Get*"))));
        assertTrue(allowed(request("ec2:RunInstances", "*"), policy().with(allow("*"))));
    }

    @Test
    void aServiceWildcardDoesNotCrossIntoAnotherService() {
        // Rule: "s3:*" covers only actions whose prefix is s3.
        assertFalse(allowed(request("s3express:CreateSession", "*"), policy().with(allow("s3:*"))));
    }

    @Test
    void resourcesMatchCaseSensitively() {
        // Rule: resource ARNs compare with case.
        assertTrue(allowed(request("s3:GetObject", "arn:aws:s3:::Reports/a"),
                policy().with(allow("s3:GetObject").resource("arn:aws:s3:::Reports/*"))));
        assertFalse(allowed(request("s3:GetObject", "arn:aws:s3:::reports/a"),
                policy().with(allow("s3:GetObject").resource("arn:aws:s3:::Reports/*"))));
    }

    @Test
    void resourceWildcardsStayInsideTheFirstFiveArnFields() {
        // Rule: in partition, service, region and account a wildcard cannot span a colon.
        var p = policy().with(allow("sns:Publish").resource("arn:aws:sns:*:111122223333:alerts"));
        assertTrue(allowed(request("sns:Publish", "arn:aws:sns:eu-west-1:111122223333:alerts"), p));
        assertFalse(allowed(request("sns:Publish", "arn:aws:sns:eu-west-1:444455556666:111122223333:alerts"), p));
    }

    @Test
    void theResourceFieldMayHoldColonsAndWildcardsSpanThem() {
        var p = policy().with(allow("logs:PutLogEvents").resource("arn:aws:logs:us-east-1:111122223333:log-group:app*"));
        assertTrue(allowed(request("logs:PutLogEvents",
                "arn:aws:logs:us-east-1:111122223333:log-group:app-prod:log-stream:x"), p));
    }

    @Test
    void aStarResourceMatchesAnything() {
        assertTrue(allowed(request("iam:ListUsers", "*"), policy().with(allow("iam:ListUsers").resource("*"))));
    }

    @Test
    void anEmptyRegionFieldMatchesOnlyAnEmptyOrStarField() {
        var p = policy().with(allow("s3:GetObject").resource("arn:aws:s3:::reports/*"));
        assertFalse(allowed(request("s3:GetObject", "arn:aws:s3:eu-west-1::reports/x"), p));
    }
}
