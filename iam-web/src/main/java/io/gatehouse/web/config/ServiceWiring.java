package io.gatehouse.web.config;

import io.gatehouse.core.credential.CredentialGenerator;
import io.gatehouse.core.credential.PasswordHasher;
import io.gatehouse.core.credential.SecretCipher;
import io.gatehouse.core.port.AccessKeyRepository;
import io.gatehouse.core.port.AccountRepository;
import io.gatehouse.core.port.AuditLog;
import io.gatehouse.core.port.GroupRepository;
import io.gatehouse.core.port.ManagedPolicyRepository;
import io.gatehouse.core.port.PolicyAttachmentRepository;
import io.gatehouse.core.port.UserRepository;
import io.gatehouse.core.service.AccessKeyService;
import io.gatehouse.core.service.Authorizer;
import io.gatehouse.core.service.Bootstrap;
import io.gatehouse.core.service.CallerAuthenticator;
import io.gatehouse.core.service.CompiledPolicyCache;
import io.gatehouse.core.service.GroupService;
import io.gatehouse.core.service.InlinePolicyService;
import io.gatehouse.core.service.AwsManagedPolicies;
import io.gatehouse.core.service.ManagedPolicyService;
import io.gatehouse.core.service.PolicyAttachmentService;
import io.gatehouse.core.service.PolicyAuthorizer;
import io.gatehouse.core.service.StoredPrincipalPolicies;
import io.gatehouse.core.policy.eval.PolicyEvaluator;
import io.gatehouse.core.service.UserService;
import io.gatehouse.core.sigv4.SigV4Verifier;
import io.gatehouse.persistence.JpaAccessKeyRepository;
import io.gatehouse.persistence.JpaAccountRepository;
import io.gatehouse.persistence.JpaAuditLog;
import io.gatehouse.persistence.JpaGroupRepository;
import io.gatehouse.persistence.JpaManagedPolicyRepository;
import io.gatehouse.persistence.JpaPolicyAttachmentRepository;
import io.gatehouse.persistence.JpaUserRepository;
import io.gatehouse.web.query.IamActions;
import io.gatehouse.web.query.IamServices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Connects the core's ports to their JPA implementations and builds the services once.
 * The entity manager is the container's transaction-scoped proxy, safe to share. Products are
 * {@code @Singleton}: the core's classes are final and need no client proxy.
 */
@ApplicationScoped
public class ServiceWiring {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager entityManager;

    @Inject
    @ConfigProperty(name = "gatehouse.data.dir", defaultValue = "data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "gatehouse.master-key")
    Optional<String> masterKey;

    @Inject
    @ConfigProperty(name = "gatehouse.master-key-id", defaultValue = "configured-1")
    String masterKeyId;

    @Inject
    @ConfigProperty(name = "gatehouse.previous-master-keys")
    Optional<String> previousMasterKeys;

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    CredentialGenerator credentialGenerator() {
        return new CredentialGenerator();
    }

    @Produces
    @Singleton
    PasswordHasher passwordHasher() {
        return new PasswordHasher();
    }

    @Produces
    @Singleton
    SecretCipher secretCipher() {
        return MasterKeys.cipher(masterKey, masterKeyId, previousMasterKeys, Path.of(dataDir));
    }

    @Produces
    @Singleton
    AccountRepository accountRepository() {
        return new JpaAccountRepository(entityManager);
    }

    @Produces
    @Singleton
    UserRepository userRepository() {
        return new JpaUserRepository(entityManager);
    }

    @Produces
    @Singleton
    GroupRepository groupRepository() {
        return new JpaGroupRepository(entityManager);
    }

    @Produces
    @Singleton
    AccessKeyRepository accessKeyRepository() {
        return new JpaAccessKeyRepository(entityManager);
    }

    @Produces
    @Singleton
    ManagedPolicyRepository managedPolicyRepository() {
        return new JpaManagedPolicyRepository(entityManager);
    }

    @Produces
    @Singleton
    PolicyAttachmentRepository policyAttachmentRepository() {
        return new JpaPolicyAttachmentRepository(entityManager);
    }

    /** The shipped AWS-managed policies, read and validated once at start. */
    @Produces
    @Singleton
    AwsManagedPolicies awsManagedPolicies() {
        return AwsManagedPolicies.load();
    }

    @Produces
    @Singleton
    ManagedPolicyService managedPolicyService(ManagedPolicyRepository policies, PolicyAttachmentRepository attachments,
                                              AwsManagedPolicies awsManaged, CredentialGenerator generator, Clock clock) {
        return new ManagedPolicyService(policies, attachments, awsManaged, generator, clock);
    }

    @Produces
    @Singleton
    PolicyAttachmentService policyAttachmentService(PolicyAttachmentRepository attachments,
                                                    ManagedPolicyService policies, UserRepository users,
                                                    GroupRepository groups) {
        return new PolicyAttachmentService(attachments, policies, users, groups);
    }

    @Produces
    @Singleton
    AuditLog auditLog() {
        return new JpaAuditLog(entityManager);
    }

    @Produces
    @Singleton
    UserService userService(UserRepository users, GroupRepository groups, AccessKeyRepository keys,
                            CredentialGenerator generator, Clock clock, PolicyAttachmentRepository attachments) {
        return new UserService(users, groups, keys, generator, clock, attachments);
    }

    @Produces
    @Singleton
    GroupService groupService(GroupRepository groups, UserRepository users, CredentialGenerator generator, Clock clock,
                              PolicyAttachmentRepository attachments) {
        return new GroupService(groups, users, generator, clock, attachments);
    }

    @Produces
    @Singleton
    AccessKeyService accessKeyService(AccessKeyRepository keys, UserRepository users, CredentialGenerator generator,
                                      SecretCipher cipher, Clock clock) {
        return new AccessKeyService(keys, users, generator, cipher, clock);
    }

    @Produces
    @Singleton
    Authorizer authorizer(UserRepository users, GroupRepository groups, PolicyAttachmentRepository attachments,
                          ManagedPolicyService managedPolicies) {
        return new PolicyAuthorizer(new StoredPrincipalPolicies(users, groups, attachments, managedPolicies,
                new CompiledPolicyCache(4096)),
                new PolicyEvaluator());
    }

    @Produces
    @Singleton
    CallerAuthenticator callerAuthenticator(AccessKeyRepository keys, UserRepository users, AccessKeyService accessKeys,
                                            Clock clock) {
        return new CallerAuthenticator(new SigV4Verifier(clock), keys, users, accessKeys);
    }

    @Produces
    @Singleton
    Bootstrap bootstrap(AccountRepository accounts, PolicyAttachmentService attachments, UserService users,
                        GroupService groups, AccessKeyService keys, PasswordHasher hasher,
                        CredentialGenerator generator, Clock clock) {
        return new Bootstrap(accounts, attachments, users, groups, keys, hasher, generator, clock);
    }

    @Produces
    @Singleton
    IamServices iamServices(AccountRepository accounts, UserService users, GroupService groups,
                            AccessKeyService keys, UserRepository userRepository, GroupRepository groupRepository,
                            AccessKeyRepository keyRepository, ManagedPolicyService managedPolicies,
                            PolicyAttachmentService attachments) {
        return new IamServices(accounts, users, groups, keys, userRepository, groupRepository, keyRepository,
                new InlinePolicyService(userRepository, groupRepository), managedPolicies, attachments);
    }

    @Produces
    @Singleton
    IamActions iamActions() {
        return new IamActions();
    }
}
