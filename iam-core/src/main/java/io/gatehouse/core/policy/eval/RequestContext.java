package io.gatehouse.core.policy.eval;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request to authorize: the caller, the action, the resource, and the request's context keys.
 * Context keys are case-insensitive as in AWS and may hold several values; they are also the
 * source of policy variables ({@code ${aws:username}} reads the key {@code aws:username}).
 * Immutable; build with {@link #builder()}. Derived forms (lower-cased action, service prefix) are
 * computed here once so evaluation never has to.
 */
public final class RequestContext {
    private final RequestPrincipal principal;
    private final String action;
    private final String actionKey;
    private final String service;
    private final String resource;
    private final Optional<String> resourceAccount;
    private final Map<String, List<String>> keys;

    private RequestContext(Builder b) {
        this.principal = Objects.requireNonNull(b.principal, "principal");
        this.action = Objects.requireNonNull(b.action, "action");
        this.actionKey = action.toLowerCase(Locale.ROOT);
        int colon = actionKey.indexOf(':');
        this.service = colon < 0 ? actionKey : actionKey.substring(0, colon);
        this.resource = Objects.requireNonNull(b.resource, "resource");
        this.resourceAccount = Objects.requireNonNull(b.resourceAccount, "resourceAccount");
        this.keys = Collections.unmodifiableMap(new HashMap<>(b.keys));
    }

    public static Builder builder() {
        return new Builder();
    }

    public RequestPrincipal principal() {
        return principal;
    }

    /** The action as given, e.g. {@code iam:CreateUser}. */
    public String action() {
        return action;
    }

    /** The action in lower case: actions match case-insensitively. */
    String actionKey() {
        return actionKey;
    }

    String service() {
        return service;
    }

    public String resource() {
        return resource;
    }

    /** The account that owns the resource, when it is known and may differ from the caller's. */
    public Optional<String> resourceAccount() {
        return resourceAccount;
    }

    /** Whether the resource belongs to another account than the caller's. */
    public boolean crossAccount() {
        return resourceAccount.isPresent() && !resourceAccount.get().equals(principal.accountId());
    }

    /** All values of a context key; empty when the request lacks the key. */
    public List<String> values(String key) {
        List<String> v = keys.get(key.toLowerCase(Locale.ROOT));
        return v == null ? List.of() : v;
    }

    /** Values by an already lower-cased key; {@code null} when absent (hot path, package-private). */
    List<String> valuesByKey(String lowerKey) {
        return keys.get(lowerKey);
    }

    /** The key's only value, or {@code null} when absent or multi-valued (a variable needs one value). */
    String singleValue(String lowerKey) {
        List<String> v = keys.get(lowerKey);
        return v == null || v.size() != 1 ? null : v.get(0);
    }

    public Map<String, List<String>> keys() {
        return keys;
    }

    /** Builds a {@link RequestContext}; every setter replaces the previous value. */
    public static final class Builder {
        private RequestPrincipal principal;
        private String action;
        private String resource = "*";
        private Optional<String> resourceAccount = Optional.empty();
        private final Map<String, List<String>> keys = new HashMap<>();

        private Builder() {
        }

        public Builder principal(RequestPrincipal principal) {
            this.principal = principal;
            return this;
        }

        public Builder action(String action) {
            this.action = action;
            return this;
        }

        public Builder resource(String resource) {
            this.resource = resource;
            return this;
        }

        public Builder resourceAccount(String accountId) {
            this.resourceAccount = Optional.of(accountId);
            return this;
        }

        /** Sets a context key to one or more values. */
        public Builder key(String key, String... values) {
            return key(key, List.of(values));
        }

        public Builder key(String key, List<String> values) {
            keys.put(key.toLowerCase(Locale.ROOT), List.copyOf(values));
            return this;
        }

        public RequestContext build() {
            return new RequestContext(this);
        }
    }
}
