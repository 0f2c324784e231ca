package io.gatehouse.core.sigv4;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One vector of AWS's SigV4 test suite, from {@code src/test/resources/sigv4/suite}: a signed
 * request with the canonical request, string to sign and signature AWS expects for it.
 * Every vector uses key AKIDEXAMPLE, region us-east-1, service "service", 20150830T123600Z.
 */
record SuiteVector(String name, boolean presigned, HttpRequestView request, String canonicalRequest,
                   String stringToSign, String signature) {

    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final String SIGNED_AT = "2015-08-30T12:36:00Z";

    @Override
    public String toString() {
        return name + (presigned ? " (presigned)" : " (Authorization header)");
    }

    /** Every vector, once signed in the Authorization header and once presigned where the suite has both. */
    static List<SuiteVector> all() {
        List<SuiteVector> vectors = new ArrayList<>();
        for (String name : read("index.txt").strip().split("\n")) {
            Map<String, String> sections = sections(read(name + ".txt"));
            vectors.add(of(name, false, sections, ""));
            if (sections.containsKey("presigned-request")) {
                vectors.add(of(name, true, sections, "presigned-"));
            }
        }
        return vectors;
    }

    private static SuiteVector of(String name, boolean presigned, Map<String, String> sections, String prefix) {
        return new SuiteVector(name, presigned, parseRequest(sections.get(prefix + "request")),
                sections.get(prefix + "canonical-request"), sections.get(prefix + "string-to-sign"),
                sections.get(prefix + "signature"));
    }

    /** Sections open with a line "=== name"; the newline before the next marker is not content. */
    private static Map<String, String> sections(String text) {
        Map<String, String> sections = new LinkedHashMap<>();
        String[] chunks = text.split("(?m)^=== ");
        for (int i = 1; i < chunks.length; i++) {
            int newline = chunks[i].indexOf('\n');
            String content = chunks[i].substring(newline + 1);
            sections.put(chunks[i].substring(0, newline), content.substring(0, content.length() - 1));
        }
        return sections;
    }

    /** An HTTP/1.1 request in the suite's text form; indented lines continue the previous header. */
    static HttpRequestView parseRequest(String text) {
        int headEnd = text.indexOf("\n\n");
        String[] lines = text.substring(0, headEnd).split("\n");
        String requestLine = lines[0];
        String method = requestLine.substring(0, requestLine.indexOf(' '));
        String target = requestLine.substring(method.length() + 1, requestLine.lastIndexOf(" HTTP/1.1"));
        int question = target.indexOf('?');
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String lastName = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (Character.isWhitespace(line.charAt(0))) {
                List<String> values = headers.get(lastName);
                values.set(values.size() - 1, values.get(values.size() - 1) + "\n" + line);
                continue;
            }
            int colon = line.indexOf(':');
            lastName = line.substring(0, colon);
            headers.computeIfAbsent(lastName, key -> new ArrayList<>()).add(line.substring(colon + 1));
        }
        return new HttpRequestView(method,
                question < 0 ? target : target.substring(0, question),
                question < 0 ? "" : target.substring(question + 1),
                headers, text.substring(headEnd + 2).getBytes(StandardCharsets.UTF_8));
    }

    private static String read(String resource) {
        try (InputStream in = Optional.ofNullable(SuiteVector.class.getResourceAsStream("/sigv4/suite/" + resource))
                .orElseThrow(() -> new IllegalStateException("missing test resource " + resource))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
