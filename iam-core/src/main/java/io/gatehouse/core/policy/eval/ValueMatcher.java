package io.gatehouse.core.policy.eval;

import io.gatehouse.core.policy.ConditionOperatorType;
import io.gatehouse.core.policy.ConditionValues;
import io.gatehouse.core.policy.IpRange;
import java.util.Arrays;
import java.util.List;

/**
 * The positive form of a condition operator, compiled over the policy's values: does one request
 * value match any of them? Policy values are parsed once here; request values are read on the hot
 * path by {@link RequestValues}.
 */
sealed interface ValueMatcher {

    boolean matches(String requestValue, RequestContext request);

    static ValueMatcher compile(ConditionOperatorType positive, List<String> values, boolean variables) {
        return switch (positive) {
            case STRING_EQUALS -> new Strings(templates(values, variables, false), Strings.Mode.EXACT);
            case STRING_EQUALS_IGNORE_CASE -> new Strings(templates(values, variables, false), Strings.Mode.IGNORE_CASE);
            case STRING_LIKE -> new Strings(templates(values, variables, true), Strings.Mode.GLOB);
            case ARN_EQUALS, ARN_LIKE -> new Strings(templates(values, variables, true), Strings.Mode.ARN);
            case NUMERIC_EQUALS, NUMERIC_LESS_THAN, NUMERIC_LESS_THAN_EQUALS, NUMERIC_GREATER_THAN,
                    NUMERIC_GREATER_THAN_EQUALS -> new Numbers(Comparison.of(positive),
                    values.stream().mapToDouble(ConditionValues::number).toArray());
            case DATE_EQUALS, DATE_LESS_THAN, DATE_LESS_THAN_EQUALS, DATE_GREATER_THAN,
                    DATE_GREATER_THAN_EQUALS -> new Dates(Comparison.of(positive),
                    values.stream().mapToLong(ConditionValues::dateMillis).toArray());
            case BOOL -> new Bools(values.toArray(String[]::new));
            case BINARY_EQUALS -> new Binaries(values.stream().map(ConditionValues::binary).toArray(byte[][]::new));
            case IP_ADDRESS -> new IpAddresses(values.stream().map(v -> IpRange.parse(v).orElseThrow())
                    .toArray(IpRange[]::new));
            default -> throw new IllegalArgumentException("Not a positive operator: " + positive);
        };
    }

    private static Template[] templates(List<String> values, boolean variables, boolean wildcards) {
        return values.stream().map(v -> Template.compile(v, variables, wildcards)).toArray(Template[]::new);
    }

    /** The ordering test of numeric and date operators. */
    enum Comparison {
        EQ, LT, LE, GT, GE;

        static Comparison of(ConditionOperatorType type) {
            return switch (type) {
                case NUMERIC_LESS_THAN, DATE_LESS_THAN -> LT;
                case NUMERIC_LESS_THAN_EQUALS, DATE_LESS_THAN_EQUALS -> LE;
                case NUMERIC_GREATER_THAN, DATE_GREATER_THAN -> GT;
                case NUMERIC_GREATER_THAN_EQUALS, DATE_GREATER_THAN_EQUALS -> GE;
                default -> EQ;
            };
        }

        /** {@code request <op> policy}, e.g. LT holds when the request value is below the policy's. */
        boolean test(int compared) {
            return switch (this) {
                case EQ -> compared == 0;
                case LT -> compared < 0;
                case LE -> compared <= 0;
                case GT -> compared > 0;
                case GE -> compared >= 0;
            };
        }
    }

    record Strings(Template[] values, Mode mode) implements ValueMatcher {
        enum Mode { EXACT, IGNORE_CASE, GLOB, ARN }

        public boolean matches(String requestValue, RequestContext request) {
            for (Template t : values) {
                String v = t.resolve(request);
                if (v != null && test(v, requestValue)) {
                    return true;
                }
            }
            return false;
        }

        private boolean test(String policyValue, String requestValue) {
            return switch (mode) {
                case EXACT -> policyValue.equals(requestValue);
                case IGNORE_CASE -> policyValue.equalsIgnoreCase(requestValue);
                case GLOB -> Glob.matches(policyValue, requestValue);
                case ARN -> Glob.matchesArn(policyValue, requestValue);
            };
        }
    }

    record Numbers(Comparison comparison, double[] values) implements ValueMatcher {
        public boolean matches(String requestValue, RequestContext request) {
            double v = RequestValues.number(requestValue);
            if (Double.isNaN(v)) {
                return false;
            }
            for (double p : values) {
                if (comparison.test(Double.compare(v, p))) {
                    return true;
                }
            }
            return false;
        }
    }

    record Dates(Comparison comparison, long[] values) implements ValueMatcher {
        public boolean matches(String requestValue, RequestContext request) {
            long v = RequestValues.dateMillis(requestValue);
            if (v == ConditionValues.NOT_A_DATE) {
                return false;
            }
            for (long p : values) {
                if (comparison.test(Long.compare(v, p))) {
                    return true;
                }
            }
            return false;
        }
    }

    record Bools(String[] values) implements ValueMatcher {
        public boolean matches(String requestValue, RequestContext request) {
            for (String p : values) {
                if (p.equalsIgnoreCase(requestValue)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Compares the decoded bytes: the request carries the binary value base64-encoded. */
    record Binaries(byte[][] values) implements ValueMatcher {
        public boolean matches(String requestValue, RequestContext request) {
            byte[] v = ConditionValues.binary(requestValue);
            if (v == null) {
                return false;
            }
            for (byte[] p : values) {
                if (Arrays.equals(p, v)) {
                    return true;
                }
            }
            return false;
        }
    }

    record IpAddresses(IpRange[] ranges) implements ValueMatcher {
        public boolean matches(String requestValue, RequestContext request) {
            long v4 = RequestValues.ipv4(requestValue);
            if (v4 >= 0) {
                for (IpRange r : ranges) {
                    if (r.containsIpv4(v4)) {
                        return true;
                    }
                }
                return false;
            }
            byte[] address = IpRange.parseAddress(requestValue);
            if (address == null) {
                return false;
            }
            for (IpRange r : ranges) {
                if (r.contains(address)) {
                    return true;
                }
            }
            return false;
        }
    }
}
