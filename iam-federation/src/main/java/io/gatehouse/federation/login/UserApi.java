package io.gatehouse.federation.login;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.gatehouse.core.federation.ProviderUrl;

import java.net.URI;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads who signed in at a plain OAuth 2.0 provider from its user API, with the access token just
 * issued. The email is the one the provider lists as primary and verified (GitHub's
 * {@code /user/emails}); failing that the profile's own email, verified only if the list says so.
 */
final class UserApi {

    private static final List<String> USERNAME_MEMBERS = List.of("login", "preferred_username", "username");

    private final BackChannel channel;

    UserApi(BackChannel channel) {
        this.channel = channel;
    }

    SignedInIdentity identity(OAuth2LoginProvider provider, String accessToken) {
        URI userUri = provider.userInfoEndpoint().uri();
        Map<String, Object> profile = object(userUri, call("user API", userUri, accessToken));
        String subject = FlatClaims.scalar(profile.get(provider.subjectField())).filter(value -> !value.isBlank())
                .orElseThrow(() -> BackChannel.failure("user API", userUri, "returned no " + provider.subjectField()));
        Optional<String> profileEmail = text(profile, "email");
        Email email = provider.emailsEndpoint().isPresent()
                ? listed(provider.emailsEndpoint().get(), accessToken, profileEmail)
                : new Email(profileEmail, profileEmail.isPresent() && Boolean.TRUE.equals(profile.get("email_verified")));

        Map<String, List<String>> claims = new LinkedHashMap<>(FlatClaims.of(profile));
        claims.remove("email");
        claims.remove("email_verified");
        email.address().ifPresent(address -> claims.put("email", List.of(address)));
        claims.put("email_verified", List.of(Boolean.toString(email.verified())));
        Optional<String> username = USERNAME_MEMBERS.stream().map(member -> text(profile, member))
                .flatMap(Optional::stream).findFirst();
        return new SignedInIdentity(provider.name(), provider.issuer(), subject, email.address(), email.verified(),
                text(profile, "name"), username, claims);
    }

    private record Email(Optional<String> address, boolean verified) {
    }

    private Email listed(ProviderUrl endpoint, String accessToken, Optional<String> profileEmail) {
        URI uri = endpoint.uri();
        List<Object> entries;
        try {
            entries = JSONArrayUtils.parse(call("emails API", uri, accessToken));
        } catch (ParseException e) {
            throw BackChannel.failure("emails API", uri, "did not return a JSON array");
        }
        Optional<String> primary = Optional.empty();
        boolean profileEmailVerified = false;
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> listed && listed.get("email") instanceof String address) {
                boolean verified = Boolean.TRUE.equals(listed.get("verified"));
                if (verified && Boolean.TRUE.equals(listed.get("primary"))) {
                    primary = Optional.of(address);
                }
                profileEmailVerified |= verified && profileEmail.filter(address::equalsIgnoreCase).isPresent();
            }
        }
        if (primary.isPresent()) {
            return new Email(primary, true);
        }
        return new Email(profileEmail, profileEmailVerified);
    }

    private String call(String api, URI uri, String accessToken) {
        BackChannel.Reply reply = channel.get(api, uri,
                Map.of("Authorization", "Bearer " + accessToken, "Accept", "application/json"));
        if (reply.status() == 401 || reply.status() == 403) {
            throw BackChannel.failure(api, uri, "refused the access token it had just issued (HTTP " + reply.status() + ")");
        }
        if (reply.status() != 200) {
            throw BackChannel.failure(api, uri, "answered HTTP " + reply.status());
        }
        return reply.body();
    }

    private static Map<String, Object> object(URI uri, String body) {
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            throw BackChannel.failure("user API", uri, "did not return a JSON object");
        }
    }

    private static Optional<String> text(Map<String, Object> json, String member) {
        return json.get(member) instanceof String value && !value.isBlank() ? Optional.of(value) : Optional.empty();
    }
}
