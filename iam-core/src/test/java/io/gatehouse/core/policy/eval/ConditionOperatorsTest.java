package io.gatehouse.core.policy.eval;

import static io.gatehouse.core.policy.PolicyJson.allow;
import static io.gatehouse.core.policy.PolicyJson.policy;
import static io.gatehouse.core.policy.eval.Fixtures.OBJECT;
import static io.gatehouse.core.policy.eval.Fixtures.aliceRequest;
import static io.gatehouse.core.policy.eval.Fixtures.allowed;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.core.policy.PolicyJson;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One behaviour per test: does an allow with one condition apply to a request with given keys? */
class ConditionOperatorsTest {

    private static PolicyJson allowIf(String operator, String key, String... values) {
        return policy().with(allow("s3:GetObject").condition(operator, key, values));
    }

    private static boolean holds(PolicyJson policy, String key, String... requestValues) {
        RequestContext.Builder r = aliceRequest("s3:GetObject", OBJECT);
        if (requestValues.length > 0) {
            r.key(key, requestValues);
        }
        return allowed(r.build(), policy);
    }

    private static boolean holdsWithoutKey(PolicyJson policy) {
        return allowed(aliceRequest("s3:GetObject", OBJECT).build(), policy);
    }

    @Nested
    class Strings {
        @Test
        void stringEqualsIsCaseSensitive() {
            // StringEquals compares exactly, case included.
            assertTrue(holds(allowIf("StringEquals", "aws:PrincipalTag/team", "Blue"), "aws:PrincipalTag/team", "Blue"));
            assertFalse(holds(allowIf("StringEquals", "aws:PrincipalTag/team", "Blue"), "aws:PrincipalTag/team", "blue"));
        }

        @Test
        void severalValuesUnderOneKeyAreAlternatives() {
            // Values listed for one key are ORed.
            assertTrue(holds(allowIf("StringEquals", "s3:prefix", "a", "b"), "s3:prefix", "b"));
        }

        @Test
        void stringNotEqualsHoldsOnlyWhenNoValueMatches() {
            // A negated operator with several values behaves as "none of these" (AND of the negations).
            PolicyJson p = allowIf("StringNotEquals", "s3:prefix", "a", "b");
            assertFalse(holds(p, "s3:prefix", "b"));
            assertTrue(holds(p, "s3:prefix", "c"));
        }

        @Test
        void ignoreCaseVariantsFoldCase() {
            assertTrue(holds(allowIf("StringEqualsIgnoreCase", "k:x", "ABC"), "k:x", "abc"));
            assertFalse(holds(allowIf("StringNotEqualsIgnoreCase", "k:x", "ABC"), "k:x", "abc"));
        }

        @Test
        void stringLikeMatchesWildcardsCaseSensitively() {
            // StringLike supports * and ? anywhere and stays case-sensitive.
            PolicyJson p = allowIf("StringLike", "s3:prefix", "home/?lice/*");
            assertTrue(holds(p, "s3:prefix", "home/alice/docs/x"));
            assertFalse(holds(p, "s3:prefix", "Home/alice/docs"));
            assertFalse(holds(allowIf("StringNotLike", "s3:prefix", "home/*"), "s3:prefix", "home/x"));
        }

        @Test
        void keyNamesAreCaseInsensitive() {
            // Condition key names match regardless of case; their values do not.
            assertTrue(holds(allowIf("StringEquals", "AWS:PrincipalTag/Team", "Blue"), "aws:principaltag/team", "Blue"));
        }
    }

    @Nested
    class Numbers {
        @Test
        void comparesRequestValueAgainstPolicyValue() {
            // NumericLessThan holds when the request's number is below the policy's.
            assertTrue(holds(allowIf("NumericLessThan", "s3:max-keys", "10"), "s3:max-keys", "9"));
            assertFalse(holds(allowIf("NumericLessThan", "s3:max-keys", "10"), "s3:max-keys", "10"));
            assertTrue(holds(allowIf("NumericLessThanEquals", "s3:max-keys", "10"), "s3:max-keys", "10"));
            assertTrue(holds(allowIf("NumericGreaterThan", "s3:max-keys", "10"), "s3:max-keys", "10.5"));
            assertTrue(holds(allowIf("NumericGreaterThanEquals", "s3:max-keys", "10"), "s3:max-keys", "10"));
            assertTrue(holds(allowIf("NumericEquals", "s3:max-keys", "10"), "s3:max-keys", "10.0"));
            assertTrue(holds(allowIf("NumericNotEquals", "s3:max-keys", "10"), "s3:max-keys", "11"));
        }

        @Test
        void aNonNumericRequestValueDoesNotMatch() {
            assertFalse(holds(allowIf("NumericLessThan", "s3:max-keys", "10"), "s3:max-keys", "many"));
        }
    }

    @Nested
    class Dates {
        @Test
        void acceptsIso8601AndEpochSecondsOnEitherSide() {
            // Date operators take ISO 8601 dates or epoch seconds and compare instants.
            assertTrue(holds(allowIf("DateLessThan", "aws:CurrentTime", "2030-01-01T00:00:00Z"),
                    "aws:CurrentTime", "2024-05-01T12:00:00Z"));
            assertTrue(holds(allowIf("DateGreaterThan", "aws:CurrentTime", "1700000000"),
                    "aws:CurrentTime", "2024-05-01T12:00:00.250Z"));
            assertTrue(holds(allowIf("DateEquals", "aws:CurrentTime", "2024-05-01T14:00:00+02:00"),
                    "aws:CurrentTime", "1714564800"));
            assertTrue(holds(allowIf("DateLessThanEquals", "aws:CurrentTime", "2024-05-01"),
                    "aws:CurrentTime", "2024-05-01T00:00:00Z"));
            assertTrue(holds(allowIf("DateGreaterThanEquals", "aws:CurrentTime", "2024-05-01"),
                    "aws:CurrentTime", "2024-05-01T00:00:00Z"));
            assertTrue(holds(allowIf("DateNotEquals", "aws:CurrentTime", "2024-05-01"),
                    "aws:CurrentTime", "2024-05-02T00:00:00Z"));
        }

        @Test
        void aFastPathTimestampAgreesWithJavaTime() {
            assertTrue(holds(allowIf("DateEquals", "aws:CurrentTime", "1999-12-31T23:59:59.999Z"),
                    "aws:CurrentTime", "1999-12-31T23:59:59.999Z"));
            assertFalse(holds(allowIf("DateGreaterThan", "aws:CurrentTime", "2000-02-29T00:00:00Z"),
                    "aws:CurrentTime", "2000-02-28T23:59:59Z"));
        }
    }

    @Nested
    class BoolAndBinary {
        @Test
        void boolComparesTrueAndFalse() {
            // Bool compares boolean keys such as aws:MultiFactorAuthPresent.
            assertTrue(holds(allowIf("Bool", "aws:MultiFactorAuthPresent", "true"), "aws:MultiFactorAuthPresent", "true"));
            assertFalse(holds(allowIf("Bool", "aws:MultiFactorAuthPresent", "true"), "aws:MultiFactorAuthPresent", "false"));
        }

        @Test
        void binaryEqualsComparesDecodedBytes() {
            // BinaryEquals takes base64 in the policy and compares the bytes.
            assertTrue(holds(allowIf("BinaryEquals", "k:bin", "QmluYXJ5"), "k:bin", "QmluYXJ5"));
            assertFalse(holds(allowIf("BinaryEquals", "k:bin", "QmluYXJ5"), "k:bin", "QmluYXJ6"));
        }
    }

    @Nested
    class IpAddresses {
        @Test
        void matchesIpv4Cidr() {
            // IpAddress holds when the address lies in one of the CIDR blocks.
            assertTrue(holds(allowIf("IpAddress", "aws:SourceIp", "203.0.113.0/24"), "aws:SourceIp", "203.0.113.77"));
            assertFalse(holds(allowIf("IpAddress", "aws:SourceIp", "203.0.113.0/24"), "aws:SourceIp", "203.0.114.1"));
        }

        @Test
        void matchesIpv6Cidr() {
            assertTrue(holds(allowIf("IpAddress", "aws:SourceIp", "2001:DB8:1234:5678::/64"),
                    "aws:SourceIp", "2001:db8:1234:5678:abcd::1"));
            assertFalse(holds(allowIf("IpAddress", "aws:SourceIp", "2001:DB8:1234:5678::/64"),
                    "aws:SourceIp", "2001:db8:1234:5679::1"));
        }

        @Test
        void notIpAddressHoldsOutsideEveryBlock() {
            PolicyJson p = allowIf("NotIpAddress", "aws:SourceIp", "10.0.0.0/8", "192.168.0.0/16");
            assertTrue(holds(p, "aws:SourceIp", "203.0.113.1"));
            assertFalse(holds(p, "aws:SourceIp", "192.168.3.4"));
        }

        @Test
        void anIpv4AddressIsNotInAnIpv6Block() {
            assertFalse(holds(allowIf("IpAddress", "aws:SourceIp", "::/0"), "aws:SourceIp", "10.0.0.1"));
        }
    }

    @Nested
    class Arns {
        @Test
        void arnLikeMatchesFieldByField() {
            // ARN operators compare each colon-separated field; wildcards stay inside a field.
            PolicyJson p = allowIf("ArnLike", "aws:SourceArn", "arn:aws:sns:*:111122223333:topic-*");
            assertTrue(holds(p, "aws:SourceArn", "arn:aws:sns:eu-west-1:111122223333:topic-a"));
            assertFalse(holds(p, "aws:SourceArn", "arn:aws:sns:eu-west-1:444455556666:topic-a"));
        }

        @Test
        void arnEqualsAlsoAcceptsWildcards() {
            assertTrue(holds(allowIf("ArnEquals", "aws:SourceArn", "arn:aws:sns:*:*:t"), "aws:SourceArn",
                    "arn:aws:sns:us-east-1:111122223333:t"));
        }

        @Test
        void negatedArnOperatorsHoldWhenNothingMatches() {
            assertTrue(holds(allowIf("ArnNotLike", "aws:SourceArn", "arn:aws:sns:*:*:t"), "aws:SourceArn",
                    "arn:aws:sqs:us-east-1:111122223333:t"));
            assertFalse(holds(allowIf("ArnNotEquals", "aws:SourceArn", "arn:aws:sns:*:*:t"), "aws:SourceArn",
                    "arn:aws:sns:us-east-1:111122223333:t"));
        }
    }

    @Nested
    class MissingKeys {
        @Test
        void aPositiveOperatorFailsWhenTheKeyIsAbsent() {
            // A key missing from the request matches nothing.
            assertFalse(holdsWithoutKey(allowIf("StringEquals", "aws:PrincipalTag/team", "Blue")));
        }

        @Test
        void aNegatedOperatorHoldsWhenTheKeyIsAbsent() {
            // "Must not match" is satisfied by a key that is not there.
            assertTrue(holdsWithoutKey(allowIf("StringNotEquals", "aws:PrincipalTag/team", "Blue")));
            assertTrue(holdsWithoutKey(allowIf("NotIpAddress", "aws:SourceIp", "10.0.0.0/8")));
            assertTrue(holdsWithoutKey(allowIf("ArnNotLike", "aws:SourceArn", "arn:aws:sns:*:*:t")));
        }

        @Test
        void ifExistsHoldsWhenTheKeyIsAbsent() {
            // ...IfExists checks the key only when the request carries it.
            assertTrue(holdsWithoutKey(allowIf("StringEqualsIfExists", "ec2:InstanceType", "t3.micro")));
        }

        @Test
        void ifExistsStillChecksAPresentKey() {
            assertFalse(holds(allowIf("StringEqualsIfExists", "ec2:InstanceType", "t3.micro"),
                    "ec2:InstanceType", "m5.large"));
        }

        @Test
        void nullTrueAsksForAnAbsentKey() {
            // Null:true holds when the key is absent, Null:false when it is present.
            assertTrue(holdsWithoutKey(allowIf("Null", "aws:TokenIssueTime", "true")));
            assertFalse(holds(allowIf("Null", "aws:TokenIssueTime", "true"), "aws:TokenIssueTime", "1700000000"));
            assertTrue(holds(allowIf("Null", "aws:TokenIssueTime", "false"), "aws:TokenIssueTime", "1700000000"));
        }
    }

    @Nested
    class SetOperators {
        @Test
        void forAllValuesHoldsWhenEveryRequestValueIsListed() {
            // ForAllValues: each request value must match some policy value.
            PolicyJson p = allowIf("ForAllValues:StringEquals", "aws:TagKeys", "env", "team");
            assertTrue(holds(p, "aws:TagKeys", "env", "team"));
            assertFalse(holds(p, "aws:TagKeys", "env", "cost"));
        }

        @Test
        void forAllValuesHoldsForAnAbsentKey() {
            // With no request values there is nothing to contradict the policy.
            assertTrue(holdsWithoutKey(allowIf("ForAllValues:StringEquals", "aws:TagKeys", "env")));
        }

        @Test
        void forAnyValueHoldsWhenOneRequestValueIsListed() {
            PolicyJson p = allowIf("ForAnyValue:StringEquals", "aws:TagKeys", "env");
            assertTrue(holds(p, "aws:TagKeys", "cost", "env"));
            assertFalse(holds(p, "aws:TagKeys", "cost"));
        }

        @Test
        void forAnyValueFailsForAnAbsentKey() {
            assertFalse(holdsWithoutKey(allowIf("ForAnyValue:StringEquals", "aws:TagKeys", "env")));
        }

        @Test
        void forAllValuesWithANegatedOperatorExcludesEveryListedValue() {
            // ForAllValues:StringNotEquals: no request value may be one of the policy's values.
            PolicyJson p = allowIf("ForAllValues:StringNotEquals", "aws:TagKeys", "owner");
            assertTrue(holds(p, "aws:TagKeys", "env", "team"));
            assertFalse(holds(p, "aws:TagKeys", "env", "owner"));
        }

        @Test
        void forAnyValueWithANegatedOperatorNeedsOneUnlistedValue() {
            PolicyJson p = allowIf("ForAnyValue:StringNotEquals", "aws:TagKeys", "owner");
            assertTrue(holds(p, "aws:TagKeys", "owner", "env"));
            assertFalse(holds(p, "aws:TagKeys", "owner"));
        }
    }

    @Nested
    class Combinations {
        @Test
        void everyOperatorAndKeyMustHold() {
            // Separate keys and separate operators are ANDed.
            PolicyJson p = policy().with(allow("s3:GetObject")
                    .condition("StringEquals", "aws:PrincipalTag/team", "Blue")
                    .condition("Bool", "aws:SecureTransport", "true"));
            RequestContext.Builder r = aliceRequest("s3:GetObject", OBJECT).key("aws:PrincipalTag/team", "Blue");
            assertFalse(allowed(r.build(), p));
            assertTrue(allowed(r.key("aws:SecureTransport", "true").build(), p));
        }
    }
}
