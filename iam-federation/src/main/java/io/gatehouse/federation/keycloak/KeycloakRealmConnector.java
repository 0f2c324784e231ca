package io.gatehouse.federation.keycloak;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.spi.ResteasyClientClassicProvider;
import org.keycloak.representations.idm.GroupRepresentation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * "Connect a Keycloak realm": registers Gatehouse in the realm as a SAML client and/or an OIDC
 * client through Keycloak's admin API, and reads back what Gatehouse needs to trust the realm
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
    private final RealmEndpoints endpoints;

    public KeycloakRealmConnector(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The Keycloak timeout must be positive");
        }
        this.endpoints = new RealmEndpoints(timeout);
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
        Optional<String> secret = withRealm(realm, "register Gatehouse's clients", resource -> {
            ClientRegistrar registrar = new ClientRegistrar(resource, realm.realm());
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
                    ? Optional.ofNullable(resource.clients().get(id).getSecret().getValue())
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
        return withRealm(realm, "list the realm's groups", resource -> {
            List<RealmGroup> groups = new ArrayList<>();
            for (int first = 0; ; first += PAGE) {
                List<GroupRepresentation> page = resource.groups().groups(null, first, PAGE, true);
                for (GroupRepresentation group : page) {
                    collect(resource, group, groups, realm);
                }
                if (page.size() < PAGE) {
                    return List.copyOf(groups);
                }
            }
        });
    }

    private void collect(RealmResource resource, GroupRepresentation group, List<RealmGroup> into, KeycloakRealm realm) {
        if (into.size() >= MAX_GROUPS) {
            throw new IamException(ErrorCode.LIMIT_EXCEEDED, "Realm " + realm.realm() + " has more than "
                    + MAX_GROUPS + " groups.");
        }
        into.add(new RealmGroup(group.getId(), group.getName(), group.getPath()));
        Long count = group.getSubGroupCount();
        if (count != null && count == 0) {
            return;
        }
        for (int first = 0; ; first += PAGE) {
            List<GroupRepresentation> page = resource.groups().group(group.getId()).getSubGroups(first, PAGE, true);
            for (GroupRepresentation child : page) {
                collect(resource, child, into, realm);
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    private <T> T withRealm(KeycloakRealm realm, String step, Function<RealmResource, T> work) {
        Client http = ResteasyClientClassicProvider.createClientBuilder()
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                // Keycloak's provider ignores properties newer servers add to representations.
                .register(JacksonProvider.class, 100)
                .build();
        try (Keycloak keycloak = admin(realm, http)) {
            signIn(keycloak, realm, step);
            return work.apply(keycloak.realm(realm.realm()));
        } catch (WebApplicationException e) {
            throw refused(realm, step, e.getResponse().getStatus(), e);
        } catch (ProcessingException e) {
            if (e.getCause() instanceof WebApplicationException refusal) {
                throw refused(realm, step, refusal.getResponse().getStatus(), e);
            }
            throw new IamException(ErrorCode.IDP_COMMUNICATION_ERROR, "Keycloak at " + realm.serverUrl()
                    + " could not be reached to " + step + " ("
                    + Optional.ofNullable(e.getCause()).orElse(e).getClass().getSimpleName() + ").", e);
        }
    }

    /**
     * Takes the admin token first, so that a refusal there (HTTP 400 {@code invalid_grant} or 401
     * {@code invalid_client}) is told apart from the admin API refusing a request.
     */
    private static void signIn(Keycloak keycloak, KeycloakRealm realm, String step) {
        try {
            keycloak.tokenManager().getAccessTokenString();
        } catch (WebApplicationException e) {
            throw credentialsRefused(realm, step, e.getResponse().getStatus(), e);
        } catch (ProcessingException e) {
            if (e.getCause() instanceof WebApplicationException refusal) {
                throw credentialsRefused(realm, step, refusal.getResponse().getStatus(), e);
            }
            throw e;
        }
    }

    private static IamException credentialsRefused(KeycloakRealm realm, String step, int status, Exception cause) {
        if (status != 400 && status != 401) {
            return refused(realm, step, status, cause);
        }
        return new IamException(ErrorCode.IDP_COMMUNICATION_ERROR, "Keycloak at " + realm.serverUrl()
                + " refused the admin credentials of client " + realm.admin().clientId() + " in realm "
                + realm.adminRealm() + " when asked to " + step + ".", cause);
    }

    private static Keycloak admin(KeycloakRealm realm, Client http) {
        KeycloakBuilder builder = KeycloakBuilder.builder()
                .serverUrl(realm.serverUrl().toString())
                .realm(realm.adminRealm())
                .clientId(realm.admin().clientId())
                .resteasyClient(http);
        if (realm.admin() instanceof AdminCredentials.Administrator user) {
            return builder.grantType(OAuth2Constants.PASSWORD).username(user.username()).password(user.password()).build();
        }
        AdminCredentials.ServiceAccount account = (AdminCredentials.ServiceAccount) realm.admin();
        return builder.grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientSecret(account.clientSecret()).build();
    }

    private static IamException refused(KeycloakRealm realm, String step, int status, Exception cause) {
        String why = switch (status) {
            case 401 -> "no longer accepted the admin token";
            case 403 -> "denied the admin account the right to " + step + " (it needs the realm-management "
                    + "roles manage-clients and view-realm of realm " + realm.realm() + ")";
            case 404 -> "has no realm " + realm.realm();
            case 400 -> "refused the request as invalid (HTTP 400)";
            default -> "answered HTTP " + status;
        };
        return new IamException(ErrorCode.IDP_COMMUNICATION_ERROR,
                "Keycloak at " + realm.serverUrl() + " " + why + " when asked to " + step + ".", cause);
    }
}
