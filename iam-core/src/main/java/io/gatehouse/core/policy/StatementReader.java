package io.gatehouse.core.policy;

import static io.gatehouse.core.policy.PolicyParser.fail;
import static io.gatehouse.core.policy.PolicyParser.requireObject;
import static io.gatehouse.core.policy.PolicyParser.requireString;
import static io.gatehouse.core.policy.PolicyParser.stringOrArray;

import io.gatehouse.core.policy.PolicyKind.Presence;
import io.gatehouse.core.policy.PolicyParser.Located;
import io.gatehouse.core.policy.json.JsonValue;
import io.gatehouse.core.policy.json.JsonValue.JsonObject;
import io.gatehouse.core.policy.json.JsonValue.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Validates one statement: its elements, their combinations, and the policy kind's rules. */
final class StatementReader {
    private static final Set<String> ELEMENTS = Set.of("Sid", "Effect", "Principal", "NotPrincipal",
            "Action", "NotAction", "Resource", "NotResource", "Condition");

    private final PolicyKind kind;
    private final ConditionReader conditions;

    StatementReader(PolicyKind kind, PolicyVersion version) {
        this.kind = kind;
        this.conditions = new ConditionReader(version);
    }

    Statement read(JsonValue value, int index) {
        JsonObject object = requireObject(value, "A statement");
        for (Member m : object.members().values()) {
            if (!ELEMENTS.contains(m.key())) {
                throw fail("Unknown field " + m.key(), m.keyPosition());
            }
        }
        Optional<String> sid = object.member("Sid").map(this::sid);
        Member effectMember = object.member("Effect").orElseThrow(
                () -> fail("Missing required field Effect", object.position()));
        String effectText = requireString(effectMember.value(), "Effect");
        Effect effect = Effect.fromJson(effectText).orElseThrow(
                () -> fail("Invalid effect: " + effectText, effectMember.value().position()));
        return new Statement(index, sid, effect, principal(object), action(object), resource(object),
                conditions.read(object.member("Condition")), object.position(), object.end());
    }

    private String sid(Member member) {
        String sid = requireString(member.value(), "Sid");
        if (kind.alphanumericSid() && !sid.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
            throw fail("Statement IDs (Sid) must be alphanumeric", member.value().position());
        }
        return sid;
    }

    private Optional<PrincipalElement> principal(JsonObject statement) {
        Optional<Member> principal = statement.member("Principal");
        Optional<Member> notPrincipal = statement.member("NotPrincipal");
        if (principal.isPresent() && notPrincipal.isPresent()) {
            throw fail("A statement cannot have both Principal and NotPrincipal", notPrincipal.get().keyPosition());
        }
        Optional<Member> present = principal.or(() -> notPrincipal);
        if (kind.principal() == Presence.PROHIBITED && present.isPresent()) {
            throw fail("Has prohibited field " + present.get().key() + ": this kind of policy names no principal",
                    present.get().keyPosition());
        }
        if (kind.principal() == Presence.REQUIRED && present.isEmpty()) {
            throw fail("Missing required field Principal", statement.position());
        }
        if (present.isEmpty()) {
            return Optional.empty();
        }
        List<PrincipalId> ids = principalIds(present.get().value());
        return Optional.of(principal.isPresent()
                ? new PrincipalElement.Principal(ids) : new PrincipalElement.NotPrincipal(ids));
    }

    private static List<PrincipalId> principalIds(JsonValue value) {
        if (value instanceof JsonValue.JsonString s) {
            if (!s.value().equals("*")) {
                throw fail("Invalid principal in policy: a string principal must be \"*\"", s.position());
            }
            return List.of(PrincipalId.any());
        }
        JsonObject object = requireObject(value, "Principal");
        if (object.members().isEmpty()) {
            throw fail("Invalid principal in policy: no principal given", object.position());
        }
        List<PrincipalId> ids = new ArrayList<>();
        for (Member m : object.members().values()) {
            PrincipalType type = PrincipalType.fromJson(m.key()).orElseThrow(
                    () -> fail("Invalid principal type " + m.key(), m.keyPosition()));
            for (Located id : stringOrArray(m.value(), m.key())) {
                checkPrincipal(type, id);
                ids.add(new PrincipalId(type, id.value()));
            }
        }
        return ids;
    }

    private static void checkPrincipal(PrincipalType type, Located id) {
        String v = id.value();
        boolean valid = switch (type) {
            case AWS -> v.equals("*") || isAccountId(v) || (v.startsWith("arn:") && Arns.segmentCount(v) >= 6
                    && v.indexOf('*') < 0 && v.indexOf('?') < 0);
            case SERVICE -> v.equals("*") || (!v.isEmpty() && v.indexOf('*') < 0 && v.indexOf(' ') < 0);
            case FEDERATED, CANONICAL_USER -> !v.isEmpty() && v.indexOf(' ') < 0;
            case ANY -> v.equals("*");
        };
        if (!valid) {
            throw fail("Invalid principal in policy: " + type.jsonName() + " " + v, id.position());
        }
    }

    static boolean isAccountId(String v) {
        return v.length() == 12 && v.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static ActionElement action(JsonObject statement) {
        Optional<Member> action = statement.member("Action");
        Optional<Member> notAction = statement.member("NotAction");
        if (action.isPresent() && notAction.isPresent()) {
            throw fail("A statement cannot have both Action and NotAction", notAction.get().keyPosition());
        }
        Member present = action.or(() -> notAction).orElseThrow(
                () -> fail("Missing required field Action", statement.position()));
        List<String> patterns = new ArrayList<>();
        for (Located a : stringOrArray(present.value(), present.key())) {
            if (!Actions.isValidPattern(a.value())) {
                throw fail("Action " + a.value() + " must be \"*\" or a service prefix and an action, "
                        + "e.g. iam:CreateUser", a.position());
            }
            patterns.add(a.value());
        }
        return action.isPresent() ? new ActionElement.Action(patterns) : new ActionElement.NotAction(patterns);
    }

    private Optional<ResourceElement> resource(JsonObject statement) {
        Optional<Member> resource = statement.member("Resource");
        Optional<Member> notResource = statement.member("NotResource");
        if (resource.isPresent() && notResource.isPresent()) {
            throw fail("A statement cannot have both Resource and NotResource", notResource.get().keyPosition());
        }
        Optional<Member> present = resource.or(() -> notResource);
        if (kind.resource() == Presence.PROHIBITED && present.isPresent()) {
            throw fail("Has prohibited field " + present.get().key() + ": a trust policy's resource is the role",
                    present.get().keyPosition());
        }
        if (kind.resource() == Presence.REQUIRED && present.isEmpty()) {
            throw fail("Missing required field Resource", statement.position());
        }
        if (present.isEmpty()) {
            return Optional.empty();
        }
        List<String> patterns = new ArrayList<>();
        for (Located r : stringOrArray(present.get().value(), present.get().key())) {
            if (!r.value().equals("*") && !(r.value().startsWith("arn:") && Arns.segmentCount(r.value()) >= 6)) {
                throw fail("Resource " + r.value() + " must be in ARN format or \"*\"", r.position());
            }
            patterns.add(r.value());
        }
        return Optional.of(resource.isPresent()
                ? new ResourceElement.Resource(patterns) : new ResourceElement.NotResource(patterns));
    }
}
