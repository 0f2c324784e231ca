package io.gatehouse.federation.oidc;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A web identity token whose signature and claims have been checked: who the provider says the
 * caller is, for which client id, and every claim, for role trust conditions and mapping rules.
 *
 * @param audience the registered client id the token was issued to
 * @param claims   all claims as JSON values (strings, numbers, booleans, lists, maps; dates as
 *                 epoch seconds), deeply immutable
 */
public record VerifiedWebIdentity(OidcProviderTrust provider, String issuer, String subject, String audience,
                                  List<String> amr, Instant issuedAt, Instant expiresAt,
                                  Map<String, Object> claims) {

    public VerifiedWebIdentity {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(audience, "audience");
        amr = List.copyOf(amr);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        claims = jsonObject(claims);
    }

    public Optional<Object> claim(String name) {
        return Optional.ofNullable(claims.get(name));
    }

    /**
     * A claim's values as strings, the way condition keys compare them: a string, number or
     * boolean gives one value, an array gives its scalar elements; an absent claim, a JSON object
     * and nested arrays give nothing. Integral numbers have no fraction ({@code 42}), others their
     * shortest plain form ({@code 1.5}).
     */
    public List<String> claimValues(String name) {
        Object value = claims.get(name);
        if (value instanceof List<?> list) {
            List<String> values = new ArrayList<>();
            for (Object element : list) {
                scalar(element).ifPresent(values::add);
            }
            return List.copyOf(values);
        }
        return scalar(value).map(List::of).orElse(List.of());
    }

    private static Optional<String> scalar(Object value) {
        if (value instanceof String text) {
            return Optional.of(text);
        }
        if (value instanceof Boolean flag) {
            return Optional.of(flag.toString());
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return Optional.of(value.toString());
        }
        if (value instanceof Number number) {
            return Optional.of(new BigDecimal(number.toString()).stripTrailingZeros().toPlainString());
        }
        return Optional.empty();
    }

    private static Map<String, Object> jsonObject(Map<String, ?> json) {
        Map<String, Object> copy = new LinkedHashMap<>();
        json.forEach((name, value) -> {
            Object element = json(value);
            if (element != null) {
                copy.put(name, element);
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    /** JSON nulls are dropped: an immutable copy cannot hold them, and an absent claim reads the same. */
    private static Object json(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> object = new LinkedHashMap<>();
            map.forEach((name, element) -> object.put(String.valueOf(name), element));
            return jsonObject(object);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(VerifiedWebIdentity::json).filter(Objects::nonNull).toList();
        }
        if (value instanceof Date date) {
            return date.getTime() / 1000;
        }
        return value;
    }
}
