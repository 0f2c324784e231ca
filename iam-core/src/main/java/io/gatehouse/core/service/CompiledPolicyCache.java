package io.gatehouse.core.service;

import io.gatehouse.core.policy.eval.CompiledPolicy;
import io.gatehouse.core.policy.eval.PolicyType;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Compiled policies keyed by their name, type and document, so a request does not parse JSON
 * again. Keying by content (not by the entity that holds it) means a changed document is simply a
 * new entry: nothing has to be invalidated. Lock-free, since every AssumeRole reads a trust policy
 * through it; a document held by a cached role hashes once (Java keeps a string's hash), and when
 * the cache is full it starts over rather than tracking recency under a lock.
 */
public final class CompiledPolicyCache {

    private record Key(String name, String kind, String document) {
    }

    private final int capacity;
    private final Map<Key, CompiledPolicy> entries = new ConcurrentHashMap<>();

    public CompiledPolicyCache(int capacity) {
        this.capacity = capacity;
    }

    /** The compiled policy; documents were validated when stored, so parsing here is not expected to fail. */
    public CompiledPolicy compiled(String name, PolicyType type, String document) {
        return cached(new Key(name, type.name(), document), () -> CompiledPolicy.parse(name, type, document));
    }

    /** A role's trust policy, compiled to play the resource policy's part. */
    public CompiledPolicy compiledTrustPolicy(String name, String document) {
        return cached(new Key(name, "TRUST", document), () -> CompiledPolicy.parseTrustPolicy(name, document));
    }

    private CompiledPolicy cached(Key key, Supplier<CompiledPolicy> compiler) {
        CompiledPolicy cached = entries.get(key);
        if (cached != null) {
            return cached;
        }
        CompiledPolicy compiled = compiler.get();
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(key, compiled);
        return compiled;
    }

    public int size() {
        return entries.size();
    }
}
