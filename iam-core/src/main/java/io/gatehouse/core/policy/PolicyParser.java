package io.gatehouse.core.policy;

import io.gatehouse.core.policy.json.JsonReader;
import io.gatehouse.core.policy.json.JsonSyntaxException;
import io.gatehouse.core.policy.json.JsonValue;
import io.gatehouse.core.policy.json.JsonValue.JsonArray;
import io.gatehouse.core.policy.json.JsonValue.JsonObject;
import io.gatehouse.core.policy.json.JsonValue.JsonString;
import io.gatehouse.core.policy.json.JsonValue.Member;
import io.gatehouse.core.policy.json.Position;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an IAM policy document and validates it as IAM does, failing with a
 * {@link MalformedPolicyException} that names the problem and where it is.
 */
public final class PolicyParser {
    private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");

    private PolicyParser() {
    }

    /** Parses and validates {@code json} as a policy of the given kind. */
    public static PolicyDocument parse(String json, PolicyKind kind) {
        JsonValue root;
        try {
            root = JsonReader.read(json);
        } catch (JsonSyntaxException e) {
            throw new MalformedPolicyException("Syntax error: " + e.getMessage(), e.position());
        }
        return document(root, kind);
    }

    /** Checks the quota first, then parses: what IAM does for a policy stored under that quota. */
    public static PolicyDocument parse(String json, PolicyKind kind, PolicyQuota quota) {
        quota.check(json);
        return parse(json, kind);
    }

    private static PolicyDocument document(JsonValue root, PolicyKind kind) {
        JsonObject object = requireObject(root, "The policy document");
        for (Member m : object.members().values()) {
            if (!TOP_LEVEL.contains(m.key())) {
                throw fail("Unknown field " + m.key(), m.keyPosition());
            }
        }
        PolicyVersion version = PolicyVersion.V2008_10_17;
        Optional<Member> versionMember = object.member("Version");
        if (versionMember.isPresent()) {
            String text = requireString(versionMember.get().value(), "Version");
            version = PolicyVersion.fromJson(text).orElseThrow(
                    () -> fail("The policy language version " + text + " is not supported",
                            versionMember.get().value().position()));
        }
        Optional<String> id = object.member("Id").map(m -> requireString(m.value(), "Id"));
        Member statementMember = object.member("Statement").orElseThrow(
                () -> fail("Missing required field Statement", object.position()));
        List<JsonValue> raw = statementMember.value() instanceof JsonArray array
                ? array.elements() : List.of(statementMember.value());
        if (raw.isEmpty()) {
            throw fail("Statement must contain at least one statement", statementMember.value().position());
        }
        StatementReader reader = new StatementReader(kind, version);
        List<Statement> statements = new ArrayList<>(raw.size());
        Set<String> sids = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            Statement statement = reader.read(raw.get(i), i);
            if (statement.sid().isPresent() && !sids.add(statement.sid().get())) {
                throw fail("Statement IDs (Sid) must be unique within a policy: " + statement.sid().get(),
                        statement.position());
            }
            statements.add(statement);
        }
        return new PolicyDocument(kind, version, id, statements);
    }

    static JsonObject requireObject(JsonValue value, String what) {
        if (value instanceof JsonObject object) {
            return object;
        }
        throw fail(what + " must be a JSON object, not " + article(value.typeName()), value.position());
    }

    static String requireString(JsonValue value, String what) {
        if (value instanceof JsonString s) {
            return s.value();
        }
        throw fail(what + " must be a string, not " + article(value.typeName()), value.position());
    }

    /** A string, or a non-empty array of strings, as IAM allows for most elements. */
    static List<Located> stringOrArray(JsonValue value, String what) {
        if (value instanceof JsonString s) {
            return List.of(new Located(s.value(), s.position()));
        }
        if (value instanceof JsonArray array) {
            if (array.elements().isEmpty()) {
                throw fail(what + " must not be an empty array", array.position());
            }
            List<Located> out = new ArrayList<>(array.elements().size());
            for (JsonValue e : array.elements()) {
                out.add(new Located(requireString(e, what + " entry"), e.position()));
            }
            return out;
        }
        throw fail(what + " must be a string or an array of strings, not " + article(value.typeName()),
                value.position());
    }

    static MalformedPolicyException fail(String message, Position position) {
        return new MalformedPolicyException(message, position);
    }

    private static String article(String typeName) {
        return (typeName.startsWith("a") || typeName.startsWith("o") ? "an " : "a ") + typeName;
    }

    /** A string value with the position it came from. */
    record Located(String value, Position position) {
    }
}
