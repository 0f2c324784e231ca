package io.gatehouse.core.policy.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds the statements that can apply to an action without looking at the others: statements are
 * filed by service prefix and, when they name an action exactly, by action. A lookup is one or two
 * hash probes and returns a precomputed array in policy order, so the cost of a decision does not
 * grow with statements for other services or other actions.
 */
final class StatementIndex {
    private static final CompiledStatement[] NONE = new CompiledStatement[0];

    private final CompiledStatement[] anyService;
    private final Map<String, Bucket> byService;
    private final int size;

    /** Candidates for one service: per exact action, and for any other action of the service. */
    private record Bucket(Map<String, CompiledStatement[]> byAction, CompiledStatement[] otherActions) {
    }

    private StatementIndex(CompiledStatement[] anyService, Map<String, Bucket> byService, int size) {
        this.anyService = anyService;
        this.byService = byService;
        this.size = size;
    }

    static StatementIndex build(List<CompiledStatement> statements) {
        TreeSet<Integer> generic = new TreeSet<>();
        Map<String, TreeSet<Integer>> patterned = new HashMap<>();
        Map<String, Map<String, TreeSet<Integer>>> exact = new HashMap<>();
        for (int i = 0; i < statements.size(); i++) {
            CompiledStatement s = statements.get(i);
            if (s.usesNotAction()) {
                generic.add(i);
                continue;
            }
            for (String pattern : s.actions) {
                int colon = pattern.indexOf(':');
                String service = colon < 0 ? pattern : pattern.substring(0, colon);
                if (colon < 0 || Glob.hasWildcard(service)) {
                    generic.add(i);
                } else if (Glob.hasWildcard(pattern)) {
                    patterned.computeIfAbsent(service, k -> new TreeSet<>()).add(i);
                } else {
                    exact.computeIfAbsent(service, k -> new HashMap<>())
                            .computeIfAbsent(pattern, k -> new TreeSet<>()).add(i);
                }
            }
        }
        Map<String, Bucket> byService = new HashMap<>();
        TreeSet<String> services = new TreeSet<>(patterned.keySet());
        services.addAll(exact.keySet());
        for (String service : services) {
            TreeSet<Integer> base = new TreeSet<>(generic);
            base.addAll(patterned.getOrDefault(service, new TreeSet<>()));
            Map<String, CompiledStatement[]> byAction = new HashMap<>();
            for (Map.Entry<String, TreeSet<Integer>> e : exact.getOrDefault(service, Map.of()).entrySet()) {
                TreeSet<Integer> all = new TreeSet<>(base);
                all.addAll(e.getValue());
                byAction.put(e.getKey(), pick(statements, all));
            }
            byService.put(service, new Bucket(Map.copyOf(byAction), pick(statements, base)));
        }
        return new StatementIndex(pick(statements, generic), Map.copyOf(byService), statements.size());
    }

    private static CompiledStatement[] pick(List<CompiledStatement> statements, TreeSet<Integer> ordinals) {
        if (ordinals.isEmpty()) {
            return NONE;
        }
        List<CompiledStatement> out = new ArrayList<>(ordinals.size());
        for (int i : ordinals) {
            out.add(statements.get(i));
        }
        return out.toArray(NONE);
    }

    /** The statements that may apply to the request's action, in policy order. */
    CompiledStatement[] candidates(RequestContext request) {
        Bucket bucket = byService.get(request.service());
        if (bucket == null) {
            return anyService;
        }
        CompiledStatement[] exactHit = bucket.byAction().get(request.actionKey());
        return exactHit != null ? exactHit : bucket.otherActions();
    }

    boolean isEmpty() {
        return size == 0;
    }
}
