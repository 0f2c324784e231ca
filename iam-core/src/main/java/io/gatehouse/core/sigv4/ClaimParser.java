package io.gatehouse.core.sigv4;

import static io.gatehouse.core.error.ErrorCode.INCOMPLETE_SIGNATURE;
import static io.gatehouse.core.error.ErrorCode.MISSING_AUTHENTICATION_TOKEN;

import io.gatehouse.core.error.IamException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads a {@link SigV4Claim} from the Authorization header or the presigned query; checks form only. */
final class ClaimParser {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
    static final long MAX_EXPIRES_SECONDS = 604_800; // one week, as AWS allows

    private ClaimParser() {
    }

    static SigV4Claim parse(HttpRequestView request) {
        Optional<String> authorization = request.firstHeader("Authorization");
        List<Map.Entry<String, String>> query = QueryParameters.parse(request.rawQuery());
        Optional<String> algorithm = QueryParameters.first(query, "X-Amz-Algorithm");
        if (authorization.isPresent() && algorithm.isPresent()) {
            throw incomplete("Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter"
                    + " or the Authorization header should be specified");
        }
        if (authorization.isPresent()) {
            return fromAuthorizationHeader(request, authorization.get());
        }
        if (algorithm.isPresent()) {
            return fromPresignedQuery(request, query, algorithm.get());
        }
        throw new IamException(MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token");
    }

    private static SigV4Claim fromAuthorizationHeader(HttpRequestView request, String header) {
        String suffix = " Authorization=" + header;
        int space = header.indexOf(' ');
        String algorithm = space < 0 ? header : header.substring(0, space);
        if (!algorithm.equals(ALGORITHM)) {
            throw incomplete("Unsupported AWS 'algorithm': '" + algorithm + "'. Only " + ALGORITHM + " is supported.");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String part : header.substring(space + 1).split(",")) {
            String trimmed = part.strip();
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                throw incomplete("Authorization header requires each component to be of the form key=value,"
                        + " not '" + trimmed + "'." + suffix);
            }
            parameters.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("Credential", "Signature", "SignedHeaders")) {
            if (!parameters.containsKey(required)) {
                missing.add("Authorization header requires '" + required + "' parameter.");
            }
        }
        Optional<String> amzDate = request.firstHeader("X-Amz-Date");
        Optional<String> date = request.firstHeader("Date");
        if (amzDate.isEmpty() && date.isEmpty()) {
            missing.add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        if (!missing.isEmpty()) {
            throw incomplete(String.join(" ", missing) + suffix);
        }
        Instant requestTime = amzDate.isPresent() ? amzDate(amzDate.get()) : httpDate(date.get());
        List<String> signedHeaders = signedHeaders(parameters.get("SignedHeaders"), request);
        return new SigV4Claim(accessKeyId(parameters.get("Credential")), scope(parameters.get("Credential")),
                signedHeaders, parameters.get("Signature"), requestTime,
                request.firstHeader("X-Amz-Security-Token"), false, Optional.empty());
    }

    private static SigV4Claim fromPresignedQuery(HttpRequestView request, List<Map.Entry<String, String>> query,
                                                 String algorithm) {
        if (!algorithm.equals(ALGORITHM)) {
            throw incomplete("Unsupported AWS 'algorithm': '" + algorithm + "'. Only " + ALGORITHM + " is supported.");
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders",
                "X-Amz-Date", "X-Amz-Expires")) {
            if (QueryParameters.first(query, required).isEmpty()) {
                missing.add("'" + required + "'");
            }
        }
        if (!missing.isEmpty()) {
            throw incomplete("AWS query-string parameters must include " + String.join(", ", missing)
                    + ". Re-examine the query-string parameters.");
        }
        String credential = QueryParameters.first(query, "X-Amz-Credential").orElseThrow();
        return new SigV4Claim(accessKeyId(credential), scope(credential),
                signedHeaders(QueryParameters.first(query, "X-Amz-SignedHeaders").orElseThrow(), request),
                QueryParameters.first(query, "X-Amz-Signature").orElseThrow(),
                amzDate(QueryParameters.first(query, "X-Amz-Date").orElseThrow()),
                QueryParameters.first(query, "X-Amz-Security-Token"), true,
                Optional.of(expires(QueryParameters.first(query, "X-Amz-Expires").orElseThrow())));
    }

    private static String accessKeyId(String credential) {
        return credentialElements(credential)[0];
    }

    private static CredentialScope scope(String credential) {
        String[] elements = credentialElements(credential);
        LocalDate date;
        try {
            date = LocalDate.parse(elements[1], CredentialScope.DATE);
        } catch (DateTimeParseException e) {
            throw incomplete("Credential should be scoped to a valid date in yyyyMMdd format, not '" + elements[1] + "'.");
        }
        if (!elements[4].equals(CredentialScope.TERMINATOR)) {
            throw incomplete("Credential should be scoped with a valid terminator: '" + CredentialScope.TERMINATOR
                    + "', not '" + elements[4] + "'.");
        }
        return new CredentialScope(date, elements[2], elements[3]);
    }

    private static String[] credentialElements(String credential) {
        String[] elements = credential.split("/", -1);
        if (elements.length != 5 || List.of(elements).contains("")) {
            throw incomplete("Credential must have exactly 5 slash-delimited elements, e.g."
                    + " keyid/date/region/service/term, got '" + credential + "'");
        }
        return elements;
    }

    private static List<String> signedHeaders(String value, HttpRequestView request) {
        List<String> names = new ArrayList<>();
        for (String name : value.split(";", -1)) {
            if (name.isEmpty()) {
                throw incomplete("SignedHeaders must be a ';'-separated list of header names, got '" + value + "'.");
            }
            names.add(name.toLowerCase(Locale.ROOT));
        }
        if (!names.contains("host")) {
            throw incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        for (String name : names) {
            if (!request.hasHeader(name)) {
                throw incomplete("The request does not carry the signed header '" + name + "'.");
            }
        }
        return names;
    }

    static Instant amzDate(String value) {
        try {
            return LocalDateTime.parse(value, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw incomplete("Date must be in ISO-8601 'basic format'. Got '" + value + "'."
                    + " See http://en.wikipedia.org/wiki/ISO_8601");
        }
    }

    private static Instant httpDate(String value) {
        try {
            return DateTimeFormatter.RFC_1123_DATE_TIME.parse(value, Instant::from);
        } catch (DateTimeParseException e) {
            throw incomplete("Date must be in RFC 1123 format when X-Amz-Date is absent. Got '" + value + "'.");
        }
    }

    private static Duration expires(String value) {
        long seconds;
        try {
            seconds = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw incomplete("X-Amz-Expires should be a number of seconds, got '" + value + "'.");
        }
        if (seconds < 1 || seconds > MAX_EXPIRES_SECONDS) {
            throw incomplete("X-Amz-Expires must be between 1 and " + MAX_EXPIRES_SECONDS
                    + " seconds (one week), got " + seconds + ".");
        }
        return Duration.ofSeconds(seconds);
    }

    private static IamException incomplete(String message) {
        return new IamException(INCOMPLETE_SIGNATURE, message);
    }
}
