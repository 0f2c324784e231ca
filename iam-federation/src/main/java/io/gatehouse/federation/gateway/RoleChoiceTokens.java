package io.gatehouse.federation.gateway;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.credential.SealedSecret;
import io.gatehouse.core.credential.SecretCipher;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.federation.mapping.FederatedIdentity;
import io.gatehouse.federation.mapping.RoleCandidate;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Seals a sign-in that waits for its role to be chosen into a token the browser carries, so no
 * node keeps state for it: AES-GCM under the master key (tampering or another browser's binding
 * fails to open), with an expiry. It holds only what assuming the chosen role needs, not the
 * provider's claims.
 */
final class RoleChoiceTokens {

    private static final String PURPOSE = "gatehouse:role-choice:";

    private final SecretCipher cipher;

    RoleChoiceTokens(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** A choice of {@code roles} for {@code proven}, bound to {@code binding} and good until {@code expiresAt}. */
    String seal(ProvenSignIn proven, List<RoleCandidate> roles, String binding, Instant expiresAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("exp", expiresAt.getEpochSecond());
        body.put("provider", proven.identity().providerArn().toString());
        body.put("subject", proven.identity().subject());
        body.put("action", proven.action());
        body.put("session", proven.roleSessionName());
        proven.providerMaxSession().ifPresent(max -> body.put("maxSession", max.getSeconds()));
        body.put("tags", tags(proven.sessionTags()));
        body.put("transitive", List.copyOf(proven.transitiveTagKeys()));
        proven.sourceIdentity().ifPresent(identity -> body.put("sourceIdentity", identity));
        body.put("keys", new LinkedHashMap<>(proven.conditionKeys()));
        List<Object> offered = new ArrayList<>();
        for (RoleCandidate role : roles) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("rule", role.ruleName());
            entry.put("role", role.roleArn().toString());
            entry.put("tags", tags(role.sessionTags()));
            offered.add(entry);
        }
        body.put("roles", offered);
        SealedSecret sealed = cipher.seal(JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8),
                associatedData(binding));
        return sealed.keyId() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed.ciphertext());
    }

    /** The sealed sign-in and its roles; AccessDenied for anything not sealed here for this browser or expired. */
    Opened open(String token, String binding, Instant now) {
        Map<String, Object> body;
        try {
            int dot = token.indexOf('.');
            if (dot <= 0) {
                throw refused();
            }
            SealedSecret sealed = new SealedSecret(token.substring(0, dot),
                    Base64.getUrlDecoder().decode(token.substring(dot + 1)));
            body = JSONObjectUtils.parse(new String(cipher.open(sealed, associatedData(binding)), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | IllegalStateException | ParseException | SecurityException e) {
            throw refused();
        }
        Opened opened;
        Instant expiresAt;
        try {
            expiresAt = Instant.ofEpochSecond(JSONObjectUtils.getLong(body, "exp"));
            opened = opened(body);
        } catch (ParseException | RuntimeException e) {
            throw refused();
        }
        if (!now.isBefore(expiresAt)) {
            throw IamException.accessDenied("The role choice has expired; sign in again");
        }
        return opened;
    }

    private static Opened opened(Map<String, Object> body) throws ParseException {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        JSONObjectUtils.getJSONObject(body, "keys").forEach((key, values) -> keys.put(key, strings(values)));
        Optional<Duration> maxSession = body.containsKey("maxSession")
                ? Optional.of(Duration.ofSeconds(JSONObjectUtils.getLong(body, "maxSession"))) : Optional.empty();
        Arn provider = Arn.parse(JSONObjectUtils.getString(body, "provider"));
        ProvenSignIn proven = new ProvenSignIn(
                new FederatedIdentity(provider, JSONObjectUtils.getString(body, "subject"), Map.of(), List.of()),
                JSONObjectUtils.getString(body, "action"), JSONObjectUtils.getString(body, "session"), List.of(),
                maxSession, tags(body.get("tags")), Set.copyOf(JSONObjectUtils.getStringList(body, "transitive")),
                Optional.ofNullable(JSONObjectUtils.getString(body, "sourceIdentity")), keys);
        List<RoleCandidate> roles = new ArrayList<>();
        for (Map<String, Object> entry : JSONObjectUtils.getJSONObjectArray(body, "roles")) {
            roles.add(new RoleCandidate(JSONObjectUtils.getString(entry, "rule"),
                    Arn.parse(JSONObjectUtils.getString(entry, "role")), tags(entry.get("tags"))));
        }
        return new Opened(proven, roles);
    }

    record Opened(ProvenSignIn proven, List<RoleCandidate> roles) {
    }

    private static byte[] associatedData(String binding) {
        return (PURPOSE + binding).getBytes(StandardCharsets.UTF_8);
    }

    private static List<Object> tags(List<Tag> tags) {
        List<Object> pairs = new ArrayList<>();
        tags.forEach(tag -> pairs.add(List.of(tag.key(), tag.value())));
        return pairs;
    }

    private static List<Tag> tags(Object pairs) {
        List<Tag> tags = new ArrayList<>();
        for (Object pair : (List<?>) pairs) {
            List<String> kv = strings(pair);
            tags.add(new Tag(kv.get(0), kv.get(1)));
        }
        return tags;
    }

    private static List<String> strings(Object values) {
        List<String> strings = new ArrayList<>();
        for (Object value : (List<?>) values) {
            strings.add((String) value);
        }
        return strings;
    }

    private static IamException refused() {
        return IamException.accessDenied("The role choice is not valid for this browser; sign in again");
    }
}
