package io.gatehouse.core.service;

import io.gatehouse.core.policy.eval.CompiledPolicy;
import io.gatehouse.core.policy.eval.PolicyType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Compiled policies keyed by the digest of their name, type and document, so a request does not
 * parse JSON again. Keying by content (not by the entity that holds it) means a changed document is
 * simply a new entry: nothing has to be invalidated, and the least recently used entries age out.
 */
public final class CompiledPolicyCache {

    private final int capacity;
    private final Map<String, CompiledPolicy> entries;

    public CompiledPolicyCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompiledPolicy> eldest) {
                return size() > CompiledPolicyCache.this.capacity;
            }
        };
    }

    /** The compiled policy; documents were validated when stored, so parsing here is not expected to fail. */
    public CompiledPolicy compiled(String name, PolicyType type, String document) {
        return cached(name, type.name(), document, () -> CompiledPolicy.parse(name, type, document));
    }

    /** A role's trust policy, compiled to play the resource policy's part. */
    public CompiledPolicy compiledTrustPolicy(String name, String document) {
        return cached(name, "TRUST", document, () -> CompiledPolicy.parseTrustPolicy(name, document));
    }

    private CompiledPolicy cached(String name, String kind, String document, Supplier<CompiledPolicy> compiler) {
        String key = digest(name + '\u0000' + kind + '\u0000' + document);
        synchronized (entries) {
            CompiledPolicy cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        CompiledPolicy compiled = compiler.get();
        synchronized (entries) {
            entries.put(key, compiled);
        }
        return compiled;
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
