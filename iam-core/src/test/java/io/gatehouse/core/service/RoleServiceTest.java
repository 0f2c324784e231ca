package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.CredentialGenerator;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.InstanceProfile;
import io.gatehouse.core.identity.PolicyAttachment;
import io.gatehouse.core.identity.PrincipalType;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.port.InstanceProfileRepository;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.port.RoleRepository;
import io.gatehouse.core.service.RoleService.NewRole;
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

/** The rules of RoleService that need no database: quota, defaults, the trust policy call site, delete conflicts. */
class RoleServiceTest {

    private static final AccountId ACCOUNT = new AccountId("123456789012");
    private static final String TRUST = """
            {"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private final InMemoryRoles roles = new InMemoryRoles();
    private final Profiles profiles = new Profiles();
    private final List<String> validated = new ArrayList<>();
    private final InMemoryPolicies attachments = new InMemoryPolicies();
    private final RoleService service = new RoleService(roles, profiles, attachments, validated::add, new CredentialGenerator(),
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    private static NewRole newRole(String name) {
        return new NewRole(name, Optional.empty(), TRUST, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    @Test
    void aNewRoleTakesAwsDefaults() {
        Role role = service.create(ACCOUNT, newRole("web"));

        assertEquals("/", role.path());
        assertEquals(3600, role.maxSessionDuration().seconds());
        assertTrue(role.roleId().matches("AROA[A-Z2-7]{17}"), role.roleId());
    }

    @Test
    void theTrustPolicyGoesThroughTheValidatorOnCreateAndUpdate() {
        service.create(ACCOUNT, newRole("web"));
        service.updateTrustPolicy(ACCOUNT, "web", TRUST.replace("ec2", "lambda"));

        assertEquals(List.of(TRUST, TRUST.replace("ec2", "lambda")), validated);
    }

    @Test
    void refusesTheRoleBeyondTheAccountQuota() {
        roles.pretendCount = Quotas.ROLES_PER_ACCOUNT;

        IamException e = error(ErrorCode.LIMIT_EXCEEDED, () -> service.create(ACCOUNT, newRole("one-too-many")));

        assertTrue(e.getMessage().contains("RolesPerAccount"), e.getMessage());
    }

    @Test
    void refusesASessionDurationOutsideOneToTwelveHours() {
        NewRole tooShort = new NewRole("r", Optional.empty(), TRUST, Optional.empty(), Optional.of(100),
                Optional.empty(), List.of());

        error(ErrorCode.VALIDATION_ERROR, () -> service.create(ACCOUNT, tooShort));
        assertEquals(List.of(), roles.stored);
    }

    @Test
    void refusesToDeleteARoleAnInstanceProfileHolds() {
        service.create(ACCOUNT, newRole("held"));
        profiles.holders = 1;

        error(ErrorCode.DELETE_CONFLICT, () -> service.delete(ACCOUNT, "held"));
    }

    @Test
    void refusesToDeleteARoleWithInlineOrAttachedPoliciesButNotForItsBoundary() {
        Role role = service.create(ACCOUNT, newRole("busy"));
        roles.putInlinePolicy(role, "inline", "{}");
        IamException inline = error(ErrorCode.DELETE_CONFLICT, () -> service.delete(ACCOUNT, "busy"));
        assertEquals("Cannot delete entity, must delete policies first.", inline.getMessage());

        roles.deleteInlinePolicy(role, "inline");
        PolicyAttachment attached = new PolicyAttachment("arn:aws:iam::aws:policy/ReadOnlyAccess", PrincipalType.ROLE,
                role.roleId(), PolicyAttachment.Kind.PERMISSIONS);
        attachments.attach(ACCOUNT, attached);
        IamException managed = error(ErrorCode.DELETE_CONFLICT, () -> service.delete(ACCOUNT, "busy"));
        assertEquals("Cannot delete entity, must detach all policies first.", managed.getMessage());

        attachments.detach(attached);
        PolicyAttachment boundary = new PolicyAttachment("arn:aws:iam::aws:policy/PowerUserAccess", PrincipalType.ROLE,
                role.roleId(), PolicyAttachment.Kind.PERMISSIONS_BOUNDARY);
        attachments.attach(ACCOUNT, boundary);
        service.delete(ACCOUNT, "busy");
        assertEquals(List.of(), attachments.attachedTo(PrincipalType.ROLE, role.roleId(),
                PolicyAttachment.Kind.PERMISSIONS_BOUNDARY));
        error(ErrorCode.NO_SUCH_ENTITY, () -> service.get(ACCOUNT, "busy"));
    }

    @Test
    void aMissingRoleIsNoSuchEntity() {
        error(ErrorCode.NO_SUCH_ENTITY, () -> service.get(ACCOUNT, "nobody"));
    }

    private static IamException error(ErrorCode code, Executable call) {
        IamException e = assertThrows(IamException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    private static final class Profiles implements InstanceProfileRepository {
        long holders;

        @Override
        public Optional<InstanceProfile> findByName(AccountId account, String name) {
            return Optional.empty();
        }

        @Override
        public Page<InstanceProfile> list(AccountId account, String pathPrefix, PageRequest page) {
            return new Page<>(List.of(), Optional.empty());
        }

        @Override
        public Page<InstanceProfile> listForRole(Role role, PageRequest page) {
            return new Page<>(List.of(), Optional.empty());
        }

        @Override
        public long count(AccountId account) {
            return 0;
        }

        @Override
        public long countForRole(Role role) {
            return holders;
        }

        @Override
        public void create(InstanceProfile profile) {
        }

        @Override
        public void update(InstanceProfile profile) {
        }

        @Override
        public void delete(InstanceProfile profile) {
        }

        @Override
        public void addRole(InstanceProfile profile, Role role) {
        }

        @Override
        public void removeRole(InstanceProfile profile, Role role) {
        }
    }
}
