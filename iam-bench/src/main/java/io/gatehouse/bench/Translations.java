package io.gatehouse.bench;

import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.IpAddress;
import com.cedarpolicy.value.PrimBool;
import com.cedarpolicy.value.PrimLong;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;
import io.gatehouse.core.policy.eval.RequestContext;
import io.gatehouse.core.policy.eval.RequestPrincipal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes neutral rules and probes as IAM JSON / Gatehouse requests and as Cedar. */
final class Translations {
    private Translations() {
    }

    static String iamJson(List<Rule> rules) {
        return rules.stream().map(Translations::iamStatement)
                .collect(Collectors.joining(",", "{\"Version\":\"2012-10-17\",\"Statement\":[", "]}"));
    }

    private static String iamStatement(Rule r) {
        StringBuilder s = new StringBuilder("{\"Effect\":\"").append(r.allow() ? "Allow" : "Deny").append("\"");
        s.append(",\"Action\":").append(list(r.actions())).append(",\"Resource\":").append(list(r.resources()));
        if (!r.conditions().isEmpty()) {
            Map<String, String> ops = new HashMap<>();
            for (Rule.Condition c : r.conditions()) {
                if (c instanceof Rule.TeamEquals t) {
                    ops.put("StringEquals", "{\"aws:PrincipalTag/team\":\"" + t.team() + "\"}");
                } else if (c instanceof Rule.SourceIpIn ip) {
                    ops.put("IpAddress", "{\"aws:SourceIp\":\"" + ip.cidr() + "\"}");
                } else if (c instanceof Rule.MfaPresent) {
                    ops.put("Bool", "{\"aws:MultiFactorAuthPresent\":\"true\"}");
                } else if (c instanceof Rule.Before b) {
                    ops.put("DateLessThan", "{\"aws:CurrentTime\":\"" + Instant.ofEpochSecond(b.epochSeconds()) + "\"}");
                }
            }
            s.append(",\"Condition\":").append(ops.entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\":" + e.getValue()).collect(Collectors.joining(",", "{", "}")));
        }
        return s.append("}").toString();
    }

    private static String list(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    static RequestContext gatehouseRequest(Probe p) {
        String account = WorkloadSpec.ACCOUNT;
        return RequestContext.builder()
                .principal(RequestPrincipal.user(account, "arn:aws:iam::" + account + ":user/alice"))
                .action(p.action()).resource(p.resource()).resourceAccount(account)
                .key("aws:username", "alice")
                .key("aws:PrincipalTag/team", p.team())
                .key("aws:SourceIp", p.sourceIp())
                .key("aws:MultiFactorAuthPresent", Boolean.toString(p.mfa()))
                .key("aws:CurrentTime", Instant.ofEpochSecond(p.nowEpochSeconds()).toString())
                .build();
    }

    /**
     * One Cedar policy per rule; actions and resources are matched with {@code like} on context
     * attributes (Cedar has no ARN type), actions lower-cased because IAM ignores their case.
     */
    static String cedar(List<List<Rule>> policies) {
        StringBuilder out = new StringBuilder();
        for (List<Rule> rules : policies) {
            for (Rule r : rules) {
                out.append(r.allow() ? "permit" : "forbid").append("(principal, action, resource) when { ");
                out.append(r.actions().stream().map(a -> "context.action like \"" + a.toLowerCase(Locale.ROOT) + "\"")
                        .collect(Collectors.joining(" || ", "(", ")")));
                out.append(" && ").append(r.resources().stream().map(x -> "context.resource like \"" + x + "\"")
                        .collect(Collectors.joining(" || ", "(", ")")));
                for (Rule.Condition c : r.conditions()) {
                    out.append(" && ");
                    if (c instanceof Rule.TeamEquals t) {
                        out.append("context.team == \"").append(t.team()).append("\"");
                    } else if (c instanceof Rule.SourceIpIn ip) {
                        out.append("context.sourceIp.isInRange(ip(\"").append(ip.cidr()).append("\"))");
                    } else if (c instanceof Rule.MfaPresent) {
                        out.append("context.mfa == true");
                    } else if (c instanceof Rule.Before b) {
                        out.append("context.now < ").append(b.epochSeconds());
                    }
                }
                out.append(" };\n");
            }
        }
        return out.toString();
    }

    static com.cedarpolicy.model.AuthorizationRequest cedarRequest(Probe p) {
        EntityUID principal = EntityTypeName.parse("User").orElseThrow().of("alice");
        EntityUID action = EntityTypeName.parse("Action").orElseThrow().of("call");
        EntityUID resource = EntityTypeName.parse("Resource").orElseThrow().of("r");
        Map<String, Value> context = new HashMap<>();
        context.put("action", new PrimString(p.action().toLowerCase(Locale.ROOT)));
        context.put("resource", new PrimString(p.resource()));
        context.put("team", new PrimString(p.team()));
        context.put("sourceIp", new IpAddress(p.sourceIp()));
        context.put("mfa", new PrimBool(p.mfa()));
        context.put("now", new PrimLong(p.nowEpochSeconds()));
        return new com.cedarpolicy.model.AuthorizationRequest(principal, action, resource, context);
    }
}
