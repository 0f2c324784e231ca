package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.CredentialGenerator;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.InstanceProfile;
import io.gatehouse.core.identity.MaxSessionDuration;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.port.InstanceProfileRepository;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.port.RoleRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of InstanceProfileService that need no database: quotas, one role per profile, delete conflicts. */
class InstanceProfileServiceTest {

    private static final AccountId ACCOUNT = new AccountId("123456789012");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final Profiles profiles = new Profiles();
    private final Role web = new Role(ACCOUNT, "AROAAAAAAAAAAAAAAAAA", "web", "/", T0, "{}", Optional.empty(),
            MaxSessionDuration.DEFAULT, List.of());
    private final InstanceProfileService service = new InstanceProfileService(profiles, holding(web),
            new CredentialGenerator(), Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void aNewProfileHasAnAipaIdAndNoRole() {
        InstanceProfile profile = service.create(ACCOUNT, "web-server", Optional.empty(), List.of());

        assertTrue(profile.instanceProfileId().matches("AIPA[A-Z2-7]{17}"), profile.instanceProfileId());
        assertEquals(List.of(), profile.roles());
        assertEquals("/", profile.path());
    }

    @Test
    void tagsMergeCaseInsensitively() {
        service.create(ACCOUNT, "web-server", Optional.empty(), List.of(new Tag("Env", "dev")));

        service.tag(ACCOUNT, "web-server", List.of(new Tag("env", "prod")));

        assertEquals(List.of(new Tag("env", "prod")), service.get(ACCOUNT, "web-server").tags());
    }

    @Test
    void refusesTheProfileBeyondTheAccountQuota() {
        profiles.pretendCount = Quotas.INSTANCE_PROFILES_PER_ACCOUNT;

        IamException e = error(ErrorCode.LIMIT_EXCEEDED, () -> service.create(ACCOUNT, "extra", Optional.empty(), List.of()));

        assertTrue(e.getMessage().contains("InstanceProfilesPerAccount"), e.getMessage());
    }

    @Test
    void refusesASecondRoleInAProfile() {
        service.create(ACCOUNT, "web-server", Optional.empty(), List.of());
        service.addRole(ACCOUNT, "web-server", "web");

        IamException e = error(ErrorCode.LIMIT_EXCEEDED, () -> service.addRole(ACCOUNT, "web-server", "web"));

        assertTrue(e.getMessage().contains("InstanceSessionsPerInstanceProfile"), e.getMessage());
    }

    @Test
    void refusesToDeleteAProfileHoldingARole() {
        service.create(ACCOUNT, "web-server", Optional.empty(), List.of());
        service.addRole(ACCOUNT, "web-server", "web");

        error(ErrorCode.DELETE_CONFLICT, () -> service.delete(ACCOUNT, "web-server"));
    }

    @Test
    void removingARoleTheProfileDoesNotHoldIsNoSuchEntity() {
        service.create(ACCOUNT, "web-server", Optional.empty(), List.of());

        error(ErrorCode.NO_SUCH_ENTITY, () -> service.removeRole(ACCOUNT, "web-server", "web"));
    }

    @Test
    void aMissingRoleIsNoSuchEntity() {
        service.create(ACCOUNT, "web-server", Optional.empty(), List.of());

        error(ErrorCode.NO_SUCH_ENTITY, () -> service.addRole(ACCOUNT, "web-server", "nobody"));
    }

    private static IamException error(ErrorCode code, Executable call) {
        IamException e = assertThrows(IamException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    private static final class Profiles implements InstanceProfileRepository {
        final List<InstanceProfile> stored = new ArrayList<>();
        long pretendCount = -1;

        @Override
        public Optional<InstanceProfile> findByName(AccountId account, String name) {
            return stored.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
        }

        @Override
        public Page<InstanceProfile> list(AccountId account, String pathPrefix, PageRequest page) {
            return new Page<>(stored, Optional.empty());
        }

        @Override
        public Page<InstanceProfile> listForRole(Role role, PageRequest page) {
            return new Page<>(stored.stream().filter(p -> p.roles().contains(role)).toList(), Optional.empty());
        }

        @Override
        public long count(AccountId account) {
            return pretendCount >= 0 ? pretendCount : stored.size();
        }

        @Override
        public long countForRole(Role role) {
            return stored.stream().filter(p -> p.roles().contains(role)).count();
        }

        @Override
        public void create(InstanceProfile profile) {
            stored.add(profile);
        }

        @Override
        public void update(InstanceProfile profile) {
            stored.replaceAll(p -> p.instanceProfileId().equals(profile.instanceProfileId()) ? profile : p);
        }

        @Override
        public void delete(InstanceProfile profile) {
            stored.remove(profile);
        }

        @Override
        public void addRole(InstanceProfile profile, Role role) {
            stored.replaceAll(p -> p.equals(profile) ? p.withRoles(List.of(role)) : p);
        }

        @Override
        public void removeRole(InstanceProfile profile, Role role) {
            stored.replaceAll(p -> p.equals(profile) ? p.withRoles(List.of()) : p);
        }
    }

    private static InMemoryRoles holding(Role role) {
        InMemoryRoles roles = new InMemoryRoles();
        roles.save(role);
        return roles;
    }
}
