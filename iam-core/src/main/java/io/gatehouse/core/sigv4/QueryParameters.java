package io.gatehouse.core.sigv4;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A raw query string as decoded name/value pairs, in the order sent. */
final class QueryParameters {

    private QueryParameters() {
    }

    static List<Map.Entry<String, String>> parse(String rawQuery) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        for (String piece : rawQuery.split("&")) {
            if (piece.isEmpty()) {
                continue;
            }
            int equals = piece.indexOf('=');
            String name = equals < 0 ? piece : piece.substring(0, equals);
            String value = equals < 0 ? "" : piece.substring(equals + 1);
            parameters.add(Map.entry(Canonicalization.decode(name), Canonicalization.decode(value)));
        }
        return parameters;
    }

    /** The first value of a parameter, by exact name: AWS's query parameter names are case-sensitive. */
    static Optional<String> first(List<Map.Entry<String, String>> parameters, String name) {
        return parameters.stream().filter(p -> p.getKey().equals(name)).map(Map.Entry::getValue).findFirst();
    }
}
