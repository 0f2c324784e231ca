package io.gatehouse.federation.keycloak;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static io.gatehouse.federation.keycloak.KeycloakAdminApi.segment;

/**
 * "Connect a Keycloak realm": registers Gatehouse in the realm as a SAML client and/or an OIDC
 * client through Keycloak's Admin REST API ({@link KeycloakAdminApi}), and reads back what Gatehouse needs to trust the realm
 * ({@link ConnectedRealm}). Connecting again updates the registration in place.
 *
 * <p>Every failure to talk to Keycloak, including refused admin credentials and missing rights,
 * is an {@code IDPCommunicationError} naming the server, realm and step; credentials never
 * appear in messages.
 */
public final class KeycloakRealmConnector {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Realms with more groups than this are refused rather than read without end. */
    static final int MAX_GROUPS = 10_000;
    private static final int PAGE = 200;

    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;
    private final RealmEndpoints endpoints;

    /** {@code clock} decides when an admin token is old enough to be taken again. */
    public KeycloakRealmConnector(Duration timeout, Clock clock) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The Keycloak timeout must be positive");
        }
        // Redirects are not followed: an admin API that moves is misconfigured, and the token must not follow it.
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.endpoints = new RealmEndpoints(timeout);
    }

    public KeycloakRealmConnector(Duration timeout) {
        this(timeout, Clock.systemUTC());
    }

    public KeycloakRealmConnector() {
        this(DEFAULT_TIMEOUT);
    }

    public ConnectedRealm connect(KeycloakRealm realm, GatehouseServiceProvider sp, Set<Protocol> protocols) {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(sp, "sp");
        Set<Protocol> wanted = protocols.isEmpty() ? EnumSet.noneOf(Protocol.class) : EnumSet.copyOf(protocols);
        if (wanted.isEmpty()) {
            throw IamException.validation("Connecting a Keycloak realm needs at least one protocol (SAML or OIDC).");
        }
        Optional<String> secret = withRealm(realm, "register Gatehouse's clients", api -> {
            ClientRegistrar registrar = new ClientRegistrar(api, realm.realm());
            if (wanted.contains(Protocol.SAML)) {
                String id = registrar.register(SamlClientRegistration.client(sp), SamlClientRegistration.mappers());
                registrar.removeDefaultScopes(id, Set.of(SamlClientRegistration.ROLE_LIST_SCOPE));
                registrar.scopeAwsRoles(id);
            }
            if (!wanted.contains(Protocol.OIDC)) {
                return Optional.<String>empty();
            }
            String id = registrar.register(OidcClientRegistration.client(sp), OidcClientRegistration.mappers(sp));
            return sp.oidcClientType() == OidcClientType.CONFIDENTIAL
                    ? registrar.secret(id)
                    : Optional.<String>empty();
        });
        String metadata = endpoints.samlDescriptor(realm);
        IdpMetadata idp = IdpMetadata.parse(metadata);
        return new ConnectedRealm(metadata, idp.entityId(), idp.signingCertificates(), endpoints.issuer(realm),
                sp.oidcClientId(), secret, wanted);
    }

    /** The realm's groups, subgroups included, parents before their children. */
    public List<RealmGroup> groups(KeycloakRealm realm) {
        Objects.requireNonNull(realm, "realm");
        return withRealm(realm, "list the realm's groups", api -> {
            List<RealmGroup> groups = new ArrayList<>();
            collectPages(api, "groups", groups, realm);
            return List.copyOf(groups);
        });
    }

    /** Reads {@code path} page by page: top-level groups, or {@code groups/<id>/children}. */
    private void collectPages(KeycloakAdminApi api, String path, List<RealmGroup> into, KeycloakRealm realm) {
        for (int first = 0; ; first += PAGE) {
            List<Map<String, Object>> page = api.list(path, Map.of("first", String.valueOf(first),
                    "max", String.valueOf(PAGE), "briefRepresentation", "true"));
            for (Map<String, Object> group : page) {
                collect(api, group, into, realm);
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    private void collect(KeycloakAdminApi api, Map<String, Object> group, List<RealmGroup> into, KeycloakRealm realm) {
        if (into.size() >= MAX_GROUPS) {
            throw new IamException(ErrorCode.LIMIT_EXCEEDED, "Realm " + realm.realm() + " has more than "
                    + MAX_GROUPS + " groups.");
        }
        RealmGroup read;
        try {
            read = new RealmGroup((String) group.get("id"), (String) group.get("name"), (String) group.get("path"));
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new IamException(ErrorCode.IDP_COMMUNICATION_ERROR, "Keycloak at " + realm.serverUrl()
                    + " answered a group of realm " + realm.realm() + " without id, name or path.");
        }
        into.add(read);
        // Keycloak 23 and later count subgroups; where the count is missing, the children are asked for.
        if (group.get("subGroupCount") instanceof Number count && count.longValue() == 0) {
            return;
        }
        collectPages(api, "groups/" + segment(read.id()) + "/children", into, realm);
    }

    private <T> T withRealm(KeycloakRealm realm, String step, Function<KeycloakAdminApi, T> work) {
        KeycloakAdminApi api = new KeycloakAdminApi(realm, http, timeout, clock, step);
        api.signIn();
        return work.apply(api);
    }
}
