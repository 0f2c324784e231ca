package io.gatehouse.federation.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A user's browser, as far as Keycloak's sign-in pages need one: cookies, redirects followed
 * within Keycloak, forms posted. A redirect that leaves Keycloak (to Gatehouse's redirect URI,
 * which nobody serves here) is returned, not followed, so its {@code Location} can be read.
 */
public final class Browser {

    private static final Pattern LOGIN_FORM = Pattern.compile(
            "<form[^>]*id=\"kc-form-login\"[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<input[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final int MAX_REDIRECTS = 10;

    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new LoopbackCookieJar())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI keycloak;

    public Browser(URI keycloak) {
        this.keycloak = keycloak;
    }

    public record Page(int status, URI uri, Optional<String> location, String html) {
    }

    public Page get(URI uri) {
        return follow(HttpRequest.newBuilder(uri).GET());
    }

    public Page post(URI uri, Map<String, String> form) {
        return follow(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** Fills in Keycloak's username and password form on {@code page} and submits it. */
    public Page signIn(Page page, String username, String password) {
        return post(loginAction(page), Map.of("username", username, "password", password, "credentialId", ""));
    }

    public static URI loginAction(Page page) {
        Matcher form = LOGIN_FORM.matcher(page.html());
        if (!form.find()) {
            throw new AssertionError("No Keycloak login form on " + page.uri() + " (HTTP " + page.status() + ")");
        }
        Matcher action = ACTION.matcher(form.group());
        if (!action.find()) {
            throw new AssertionError("The login form has no action");
        }
        return URI.create(unescape(action.group(1)));
    }

    /** The value of a hidden form field, as in Keycloak's SAML POST-binding page. */
    public static Optional<String> hiddenField(Page page, String name) {
        Matcher input = INPUT.matcher(page.html());
        while (input.find()) {
            String tag = input.group();
            if (attribute(tag, "name").filter(name::equals).isPresent()) {
                return attribute(tag, "value").map(Browser::unescape);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> attribute(String tag, String name) {
        Matcher value = Pattern.compile("\\s" + name + "=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE).matcher(tag);
        return value.find() ? Optional.of(value.group(1)) : Optional.empty();
    }

    private Page follow(HttpRequest.Builder request) {
        HttpResponse<String> response = send(request.timeout(Duration.ofSeconds(60)).build());
        for (int hops = 0; hops < MAX_REDIRECTS; hops++) {
            Optional<String> location = response.headers().firstValue("Location");
            boolean redirect = response.statusCode() / 100 == 3 && location.isPresent();
            if (!redirect) {
                break;
            }
            URI target = response.uri().resolve(location.get());
            if (!target.toString().startsWith(keycloak.toString())) {
                return new Page(response.statusCode(), response.uri(), Optional.of(target.toString()), response.body());
            }
            response = send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60)).GET().build());
        }
        return new Page(response.statusCode(), response.uri(), response.headers().firstValue("Location"), response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#x3D;", "=").replace("&#61;", "=")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'");
    }
}
