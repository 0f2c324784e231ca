package io.gatehouse.core.service;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.identity.ManagedPolicy;
import io.gatehouse.core.identity.ManagedPolicyVersion;
import io.gatehouse.core.policy.PolicyKind;
import io.gatehouse.core.policy.PolicyParser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS-managed policies shipped with the server ({@code arn:aws:iam::aws:policy/...}), read once
 * from the class path ({@code aws-managed-policies/index.txt}). They are immutable: one version,
 * {@code v1}, the same in every account. The documents are Gatehouse's own rendering of each
 * AWS-managed policy's documented intent.
 */
public final class AwsManagedPolicies {

    static final String LOCATION = "aws-managed-policies/";
    /** A fixed date, so every node and every start reports the same CreateDate. */
    static final Instant SHIPPED = Instant.parse("2026-01-01T00:00:00Z");

    private final Map<String, Entry> byArn;

    private record Entry(ManagedPolicy policy, ManagedPolicyVersion version) {
    }

    private AwsManagedPolicies(Map<String, Entry> byArn) {
        this.byArn = Collections.unmodifiableMap(byArn);
    }

    /** Loads and validates every shipped policy; a broken one stops the start. */
    public static AwsManagedPolicies load() {
        Map<String, Entry> loaded = new LinkedHashMap<>();
        for (String line : read("index.txt").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            String path = fields[0];
            String name = fields[1];
            String document = read(fields[2]);
            PolicyParser.parse(document, PolicyKind.IDENTITY);
            Arn arn = new Arn(Arn.AWS_PARTITION, "iam", "", ManagedPolicy.AWS_ACCOUNT, "policy" + path + name);
            ManagedPolicy policy = new ManagedPolicy(arn, policyId(name), name, path, Optional.empty(), "v1",
                    SHIPPED, SHIPPED);
            loaded.put(arn.toString(), new Entry(policy, new ManagedPolicyVersion("v1", document, SHIPPED)));
        }
        return new AwsManagedPolicies(loaded);
    }

    public Optional<ManagedPolicy> find(String arn) {
        return Optional.ofNullable(byArn.get(arn)).map(Entry::policy);
    }

    public Optional<ManagedPolicyVersion> version(String arn, String versionId) {
        return Optional.ofNullable(byArn.get(arn)).map(Entry::version).filter(v -> v.versionId().equals(versionId));
    }

    /** Every shipped policy, ordered by name. */
    public List<ManagedPolicy> all() {
        List<ManagedPolicy> policies = new ArrayList<>(byArn.values().stream().map(Entry::policy).toList());
        policies.sort(java.util.Comparator.comparing(p -> p.name().toLowerCase(java.util.Locale.ROOT)));
        return policies;
    }

    /** {@code ANPA} and 17 characters derived from the name: stable across nodes and restarts. */
    static String policyId(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
            StringBuilder id = new StringBuilder("ANPA");
            for (int i = 0; i < 17; i++) {
                id.append(alphabet.charAt((digest[i] & 0xff) % alphabet.length()));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String read(String file) {
        try (InputStream in = AwsManagedPolicies.class.getClassLoader().getResourceAsStream(LOCATION + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing AWS-managed policy resource " + LOCATION + file);
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return String.join("\n", reader.lines().toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
