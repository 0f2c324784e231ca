package io.gatehouse.core.policy.eval;

import io.gatehouse.core.policy.PolicyDocument;
import io.gatehouse.core.policy.PolicyKind;
import io.gatehouse.core.policy.PolicyParser;
import java.util.List;
import java.util.Objects;

/**
 * A policy compiled once for evaluation many times: immutable, and safe to share between threads.
 * {@code name} identifies the policy in decisions (e.g. a managed policy's ARN, or
 * {@code user/alice/inline-name}).
 */
public final class CompiledPolicy {
    private final String name;
    private final PolicyType type;
    private final PolicyDocument document;
    private final List<CompiledStatement> statements;

    private CompiledPolicy(String name, PolicyType type, PolicyDocument document) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.document = Objects.requireNonNull(document, "document");
        boolean variables = document.version().supportsVariables();
        this.statements = document.statements().stream()
                .map(s -> new CompiledStatement(s, name, type, variables)).toList();
    }

    public static CompiledPolicy compile(String name, PolicyType type, PolicyDocument document) {
        return new CompiledPolicy(name, type, document);
    }

    /** Parses (with the kind that {@code type} implies) and compiles in one step. */
    public static CompiledPolicy parse(String name, PolicyType type, String json) {
        return compile(name, type, PolicyParser.parse(json, kindOf(type)));
    }

    /** Parses a role's trust policy, which plays the resource policy's part for {@code sts:AssumeRole*}. */
    public static CompiledPolicy parseTrustPolicy(String name, String json) {
        return compile(name, PolicyType.RESOURCE, PolicyParser.parse(json, PolicyKind.TRUST));
    }

    static PolicyKind kindOf(PolicyType type) {
        return switch (type) {
            case IDENTITY -> PolicyKind.IDENTITY;
            case RESOURCE -> PolicyKind.RESOURCE;
            case PERMISSION_BOUNDARY -> PolicyKind.PERMISSION_BOUNDARY;
            case SESSION -> PolicyKind.SESSION;
        };
    }

    public String name() {
        return name;
    }

    public PolicyType type() {
        return type;
    }

    public PolicyDocument document() {
        return document;
    }

    List<CompiledStatement> statements() {
        return statements;
    }
}
