package io.gatehouse.core.policy.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Policy text that may contain policy variables ({@code ${aws:username}}, {@code ${key, 'default'}},
 * {@code ${*}}, {@code ${?}}, {@code ${$}}), compiled once. Without variables it is a constant and
 * resolving costs nothing; with them, resolving builds the text for one request.
 */
final class Template {
    private final String constant;
    private final Part[] parts;

    private sealed interface Part permits Literal, Variable {
    }

    private record Literal(String text) implements Part {
    }

    /** A request key, lower-cased, and the default used when the request lacks it. */
    private record Variable(String key, String defaultValue) implements Part {
    }

    private Template(String constant, Part[] parts) {
        this.constant = constant;
        this.parts = parts;
    }

    /**
     * Compiles policy text. {@code variables} is false for policies older than 2012-10-17, whose
     * {@code ${...}} is literal text; {@code wildcards} turns {@code *} and {@code ?} into wildcards.
     */
    static Template compile(String text, boolean variables, boolean wildcards) {
        if (!variables || !text.contains("${")) {
            return new Template(literal(text, wildcards), null);
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("${", i);
            int close = open < 0 ? -1 : text.indexOf('}', open + 2);
            if (open < 0 || close < 0) {
                pending.append(literal(text.substring(i), wildcards));
                break;
            }
            pending.append(literal(text.substring(i, open), wildcards));
            String body = text.substring(open + 2, close).trim();
            switch (body) {
                case "*" -> pending.append('*');
                case "?" -> pending.append('?');
                case "$" -> pending.append('$');
                default -> {
                    if (pending.length() > 0) {
                        parts.add(new Literal(pending.toString()));
                        pending.setLength(0);
                    }
                    parts.add(variable(body));
                }
            }
            i = close + 1;
        }
        if (pending.length() > 0) {
            parts.add(new Literal(pending.toString()));
        }
        if (parts.size() == 1 && parts.get(0) instanceof Literal only) {
            return new Template(only.text(), null);
        }
        return new Template(null, parts.toArray(Part[]::new));
    }

    private static Variable variable(String body) {
        int comma = body.indexOf(',');
        if (comma < 0) {
            return new Variable(body.toLowerCase(Locale.ROOT), null);
        }
        String key = body.substring(0, comma).trim().toLowerCase(Locale.ROOT);
        String fallback = body.substring(comma + 1).trim();
        if (fallback.length() >= 2 && fallback.startsWith("'") && fallback.endsWith("'")) {
            fallback = fallback.substring(1, fallback.length() - 1);
        }
        return new Variable(key, fallback);
    }

    private static String literal(String text, boolean wildcards) {
        return wildcards ? Glob.compile(text) : text;
    }

    boolean isConstant() {
        return parts == null;
    }

    /** The text for this request, or empty when a variable has neither a value nor a default. */
    String resolve(RequestContext request) {
        if (parts == null) {
            return constant;
        }
        StringBuilder out = new StringBuilder(64);
        for (Part part : parts) {
            if (part instanceof Literal l) {
                out.append(l.text());
            } else {
                Variable v = (Variable) part;
                String value = request.singleValue(v.key());
                if (value == null) {
                    value = v.defaultValue();
                }
                if (value == null) {
                    return null;
                }
                out.append(value);
            }
        }
        return out.toString();
    }
}
