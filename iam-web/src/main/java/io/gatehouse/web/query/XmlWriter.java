package io.gatehouse.web.query;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes AWS Query API responses: {@code <XResponse xmlns=...><XResult>...</XResult><ResponseMetadata>}.
 * Small and allocation-light on purpose; text is escaped, element names are ours.
 */
public final class XmlWriter {

    private final StringBuilder out = new StringBuilder(512);
    private final Deque<String> open = new ArrayDeque<>();

    public XmlWriter start(String name) {
        out.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    public XmlWriter startWithNamespace(String name, String namespace) {
        out.append('<').append(name).append(" xmlns=\"").append(namespace).append("\">");
        open.push(name);
        return this;
    }

    public XmlWriter end() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    public XmlWriter element(String name, String text) {
        out.append('<').append(name).append('>');
        escape(text);
        out.append("</").append(name).append('>');
        return this;
    }

    public XmlWriter element(String name, boolean value) {
        return element(name, Boolean.toString(value));
    }

    public XmlWriter element(String name, Instant value) {
        return element(name, isoDate(value));
    }

    /** AWS writes dates as ISO 8601 in UTC with whole seconds: {@code 2024-05-01T12:00:00Z}. */
    public static String isoDate(Instant value) {
        return DateTimeFormatter.ISO_INSTANT.format(value.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Most values (ids, ARNs, the long session tokens) need no escaping: those are copied whole. */
    private void escape(String text) {
        int first = 0;
        while (first < text.length() && !needsEscape(text.charAt(first))) {
            first++;
        }
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
    }

    private static boolean needsEscape(char c) {
        return c == '<' || c == '>' || c == '&' || c == '"' || c == '\'';
    }

    public boolean isEmpty() {
        return out.length() == 0;
    }

    /** Appends another writer's finished fragment (already escaped). */
    public XmlWriter fragment(XmlWriter other) {
        out.append(other.out);
        return this;
    }

    public String finish() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("Unclosed elements: " + open);
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + out;
    }
}
