package io.gatehouse.core.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The parts of a SigV4 canonical request, by AWS's rules for services other than S3
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html).
 */
final class Canonicalization {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Canonicalization() {
    }

    /**
     * The canonical URI: dot segments resolved and empty segments dropped, then every segment
     * URI-encoded once more. The path arrives already encoded, so the result is the double
     * encoding that AWS SDKs sign for every service except S3.
     */
    static String uri(String rawPath) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : rawPath.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(segment);
            }
        }
        if (segments.isEmpty()) {
            return "/";
        }
        StringBuilder uri = new StringBuilder();
        for (String segment : segments) {
            uri.append('/').append(encode(segment));
        }
        if (rawPath.endsWith("/")) {
            uri.append('/');
        }
        return uri.toString();
    }

    /** The canonical query: each name and value decoded then re-encoded, sorted by name then value. */
    static String query(String rawQuery, boolean excludeSignature) {
        List<String[]> pairs = new ArrayList<>();
        for (Map.Entry<String, String> parameter : QueryParameters.parse(rawQuery)) {
            if (excludeSignature && parameter.getKey().equals("X-Amz-Signature")) {
                continue;
            }
            pairs.add(new String[] {encode(parameter.getKey()), encode(parameter.getValue())});
        }
        pairs.sort(Comparator.<String[], String>comparing(pair -> pair[0]).thenComparing(pair -> pair[1]));
        StringBuilder query = new StringBuilder();
        for (String[] pair : pairs) {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(pair[0]).append('=').append(pair[1]);
        }
        return query.toString();
    }

    /** The signed header names, lower-case, sorted and without repeats, joined by ';'. */
    static String signedHeaders(List<String> names) {
        TreeSet<String> sorted = new TreeSet<>();
        names.forEach(name -> sorted.add(name.toLowerCase(Locale.ROOT)));
        return String.join(";", sorted);
    }

    /** One {@code name:value\n} line per signed header; repeated headers' values joined by ','. */
    static String headers(HttpRequestView request, List<String> signedHeaderNames) {
        StringBuilder lines = new StringBuilder();
        for (String name : signedHeaders(signedHeaderNames).split(";")) {
            List<String> values = new ArrayList<>();
            request.headerValues(name).forEach(value -> values.add(trimValue(value)));
            lines.append(name).append(':').append(String.join(",", values)).append('\n');
        }
        return lines.toString();
    }

    /** Leading and trailing whitespace removed, inner runs (folded lines included) as one space. */
    static String trimValue(String value) {
        return value.strip().replaceAll("\\s+", " ");
    }

    /** RFC 3986 encoding of the UTF-8 bytes: unreserved characters kept, the rest as %XX. */
    static String encode(String text) {
        StringBuilder encoded = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (isUnreserved(c)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return encoded.toString();
    }

    /** Percent-decoding as UTF-8; a '%' not followed by two hex digits stays literal. */
    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                bytes.write(hex(raw[i + 1]) << 4 | hex(raw[i + 2]));
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit((char) b, 16);
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }
}
