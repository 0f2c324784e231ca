package io.gatehouse.federation.mapping;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.policy.json.JsonReader;
import io.gatehouse.core.policy.json.JsonSyntaxException;
import io.gatehouse.core.policy.json.JsonValue;
import io.gatehouse.core.policy.json.JsonValue.JsonArray;
import io.gatehouse.core.policy.json.JsonValue.JsonBoolean;
import io.gatehouse.core.policy.json.JsonValue.JsonObject;
import io.gatehouse.core.policy.json.JsonValue.JsonString;
import io.gatehouse.core.policy.json.JsonValue.Member;
import io.gatehouse.core.policy.json.Position;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import static io.gatehouse.federation.mapping.InvalidRoleMappingException.join;

/**
 * Reads a {@link RoleMappingDocument}. Shape errors are reported here where they are found; rule
 * errors come from the model's constructors with a path relative to the part at fault, which this
 * reader extends to the full path and places at the matching spot of the document.
 */
final class RoleMappingReader {

    private static final Set<String> DOCUMENT_FIELDS = Set.of("mode", "rules");
    private static final Set<String> RULE_FIELDS = Set.of("name", "conditions", "role", "sessionTags");
    private static final Set<String> TAG_FIELDS = Set.of("key", "fromClaim", "optional");
    private static final Set<String> CONDITION_FIELDS = Set.of("claim", "equals", "like", "present", "ignoreCase",
            "memberOf");
    private static final List<String> CLAIM_OPERATORS = List.of("equals", "like", "present");
    private static final String CONDITION_SHAPES =
            "a condition is {\"memberOf\": ...} or {\"claim\": ...} with one of \"equals\", \"like\", \"present\"";

    private RoleMappingReader() {
    }

    static RoleMappingRules read(String json) {
        if (json.length() > RoleMappingDocument.MAX_DOCUMENT_CHARS) {
            throw InvalidRoleMappingException.at("", "The rule document has " + json.length()
                    + " characters; at most " + RoleMappingDocument.MAX_DOCUMENT_CHARS + " are allowed", Position.START);
        }
        JsonValue root;
        try {
            root = JsonReader.read(json);
        } catch (JsonSyntaxException e) {
            throw InvalidRoleMappingException.at("", "The rule document is not valid JSON: " + e.getMessage(),
                    e.position());
        }
        try {
            return document(root);
        } catch (InvalidRoleMappingException e) {
            throw e.position().isPresent() ? e : e.locatedAt(locate(root, e.path()));
        }
    }

    private static RoleMappingRules document(JsonValue root) {
        JsonObject object = object(root, "");
        refuseUnknown(object, "", DOCUMENT_FIELDS);
        JsonValue modeValue = required(object, "", "mode");
        String modeText = string(modeValue, "mode");
        MatchMode mode;
        try {
            mode = MatchMode.valueOf(modeText);
        } catch (IllegalArgumentException e) {
            throw InvalidRoleMappingException.at("mode", "unknown match mode " + JsonText.quote(modeText)
                    + "; expected \"FIRST_MATCH\" or \"ALL_MATCHES\"", modeValue.position());
        }
        List<RoleMappingRule> rules = list(required(object, "", "rules"), "rules", RoleMappingReader::rule);
        return new RoleMappingRules(mode, rules);
    }

    private static RoleMappingRule rule(JsonValue value, String path) {
        JsonObject object = object(value, path);
        refuseUnknown(object, path, RULE_FIELDS);
        String name = string(required(object, path, "name"), join(path, "name"));
        List<MappingCondition> conditions = list(required(object, path, "conditions"), join(path, "conditions"),
                RoleMappingReader::condition);
        Arn role = arn(required(object, path, "role"), join(path, "role"));
        List<SessionTagFromClaim> tags = object.member("sessionTags")
                .map(m -> list(m.value(), join(path, "sessionTags"), RoleMappingReader::sessionTag))
                .orElse(List.of());
        return build(path, () -> new RoleMappingRule(name, conditions, role, tags));
    }

    private static MappingCondition condition(JsonValue value, String path) {
        JsonObject object = object(value, path);
        refuseUnknown(object, path, CONDITION_FIELDS, CONDITION_SHAPES);
        if (object.member("memberOf").isPresent()) {
            onlyFields(object, path, "memberOf", Set.of("memberOf"));
            String group = string(object.member("memberOf").get().value(), join(path, "memberOf"));
            return build(path, () -> new MappingCondition.MemberOf(group));
        }
        List<Member> operators = CLAIM_OPERATORS.stream().flatMap(op -> object.member(op).stream()).toList();
        if (operators.isEmpty()) {
            throw InvalidRoleMappingException.at(path, CONDITION_SHAPES, object.position());
        }
        if (operators.size() > 1) {
            throw InvalidRoleMappingException.at(path, "a condition has one operator, not both "
                    + JsonText.quote(operators.get(0).key()) + " and " + JsonText.quote(operators.get(1).key()),
                    operators.get(1).keyPosition());
        }
        Member operator = operators.get(0);
        String claim = string(required(object, path, "claim"), join(path, "claim"));
        String operatorPath = join(path, operator.key());
        switch (operator.key()) {
            case "equals": {
                boolean ignoreCase = flag(object, path, "ignoreCase");
                List<String> anyOf = operator.value() instanceof JsonString one ? List.of(one.value())
                        : list(operator.value(), operatorPath, RoleMappingReader::string);
                return build(path, () -> new MappingCondition.ClaimEquals(claim, anyOf, ignoreCase));
            }
            case "like": {
                boolean ignoreCase = flag(object, path, "ignoreCase");
                String pattern = string(operator.value(), operatorPath);
                return build(path, () -> new MappingCondition.ClaimLike(claim, pattern, ignoreCase));
            }
            default: {
                onlyFields(object, path, "present", Set.of("claim", "present"));
                if (!(operator.value() instanceof JsonBoolean present) || !present.value()) {
                    throw InvalidRoleMappingException.at(operatorPath, "must be true", operator.value().position());
                }
                return build(path, () -> new MappingCondition.ClaimPresent(claim));
            }
        }
    }

    private static SessionTagFromClaim sessionTag(JsonValue value, String path) {
        JsonObject object = object(value, path);
        refuseUnknown(object, path, TAG_FIELDS);
        String key = string(required(object, path, "key"), join(path, "key"));
        String claim = string(required(object, path, "fromClaim"), join(path, "fromClaim"));
        boolean optional = flag(object, path, "optional");
        return build(path, () -> new SessionTagFromClaim(key, claim, optional));
    }

    private static Arn arn(JsonValue value, String path) {
        String text = string(value, path);
        try {
            return Arn.parse(text);
        } catch (IamException e) {
            throw InvalidRoleMappingException.at(path, JsonText.quote(text) + " is not a valid ARN", value.position());
        }
    }

    /** Runs a model constructor, extending the path of whatever it refuses by {@code path}. */
    private static <T> T build(String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidRoleMappingException e) {
            throw e.within(path);
        }
    }

    private static <T> List<T> list(JsonValue value, String path, BiFunction<JsonValue, String, T> element) {
        if (!(value instanceof JsonArray array)) {
            throw wrongType(value, path, "an array");
        }
        List<T> out = new ArrayList<>(array.elements().size());
        for (int i = 0; i < array.elements().size(); i++) {
            out.add(element.apply(array.elements().get(i), path + "[" + i + "]"));
        }
        return out;
    }

    private static JsonObject object(JsonValue value, String path) {
        if (value instanceof JsonObject object) {
            return object;
        }
        throw wrongType(value, path, "an object");
    }

    private static String string(JsonValue value, String path) {
        if (value instanceof JsonString string) {
            return string.value();
        }
        throw wrongType(value, path, "a string");
    }

    private static boolean flag(JsonObject object, String path, String field) {
        Optional<Member> member = object.member(field);
        if (member.isEmpty()) {
            return false;
        }
        if (member.get().value() instanceof JsonBoolean b) {
            return b.value();
        }
        throw wrongType(member.get().value(), join(path, field), "true or false");
    }

    private static JsonValue required(JsonObject object, String path, String field) {
        return object.member(field).map(Member::value).orElseThrow(() -> InvalidRoleMappingException.at(path,
                "missing required field " + JsonText.quote(field), object.position()));
    }

    private static void refuseUnknown(JsonObject object, String path, Set<String> known) {
        refuseUnknown(object, path, known, "expected one of " + JsonText.quoteAll(known.stream().sorted().toList()));
    }

    private static void refuseUnknown(JsonObject object, String path, Set<String> known, String hint) {
        for (Member member : object.members().values()) {
            if (!known.contains(member.key())) {
                throw InvalidRoleMappingException.at(path, "unknown field " + JsonText.quote(member.key()) + "; "
                        + hint, member.keyPosition());
            }
        }
    }

    /** Refuses fields that other kinds of condition take, e.g. {@code ignoreCase} beside {@code present}. */
    private static void onlyFields(JsonObject object, String path, String kind, Set<String> allowed) {
        for (Member member : object.members().values()) {
            if (!allowed.contains(member.key())) {
                throw InvalidRoleMappingException.at(path, "field " + JsonText.quote(member.key())
                        + " does not belong in a " + JsonText.quote(kind) + " condition", member.keyPosition());
            }
        }
    }

    private static InvalidRoleMappingException wrongType(JsonValue value, String path, String expected) {
        return InvalidRoleMappingException.at(path, "must be " + expected + ", not " + value.typeName(),
                value.position());
    }

    /** The position of the deepest part of the document that {@code path} names. */
    static Position locate(JsonValue root, String path) {
        JsonValue at = root;
        for (String segment : path.replace("[", ".[").split("\\.")) {
            if (segment.isEmpty()) {
                continue;
            }
            Optional<JsonValue> next = Optional.empty();
            if (segment.startsWith("[") && at instanceof JsonArray array) {
                int index = Integer.parseInt(segment.substring(1, segment.length() - 1));
                next = index < array.elements().size() ? Optional.of(array.elements().get(index)) : Optional.empty();
            } else if (at instanceof JsonObject object) {
                next = object.member(segment).map(Member::value);
            }
            if (next.isEmpty()) {
                break;
            }
            at = next.get();
        }
        return at.position();
    }
}
