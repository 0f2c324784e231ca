package io.gatehouse.web.config;

import io.gatehouse.core.credential.CredentialGenerator;
import io.gatehouse.core.credential.PasswordHasher;
import io.gatehouse.core.credential.SecretCipher;
import io.gatehouse.core.port.AccessKeyRepository;
import io.gatehouse.core.port.AccountRepository;
import io.gatehouse.core.port.AuditLog;
import io.gatehouse.core.port.GroupRepository;
import io.gatehouse.core.port.LoginProfileRepository;
import io.gatehouse.core.port.MfaDeviceRepository;
import io.gatehouse.core.port.PasswordPolicyRepository;
import io.gatehouse.core.port.SigningCertificateRepository;
import io.gatehouse.core.port.UserRepository;
import io.gatehouse.core.service.AccessKeyService;
import io.gatehouse.core.service.AccountChanges;
import io.gatehouse.core.service.CompiledPolicyCache;
import io.gatehouse.core.service.RecentlyReadPolicies;
import io.gatehouse.core.service.RecentlyReadRoles;
import io.gatehouse.core.service.RecentlyReadUsers;
import io.gatehouse.core.service.PolicyAuthorizer;
import io.gatehouse.core.identity.PasswordPolicy;
import io.gatehouse.core.service.PrincipalPolicies;
import io.gatehouse.core.service.StoredPrincipalPolicies;
import io.gatehouse.core.sts.SessionTokenCodec;
import io.gatehouse.core.service.InlinePolicyService;
import io.gatehouse.core.policy.eval.PolicyEvaluator;
import io.gatehouse.core.service.Authorizer;
import io.gatehouse.core.service.Bootstrap;
import io.gatehouse.core.service.CallerAuthenticator;
import io.gatehouse.core.service.GroupService;
import io.gatehouse.core.service.LoginProfileService;
import io.gatehouse.core.service.MfaService;
import io.gatehouse.core.service.PasswordPolicyService;
import io.gatehouse.core.service.SigningCertificateService;
import io.gatehouse.core.service.UserService;
import io.gatehouse.core.sigv4.SigV4Verifier;
import io.gatehouse.core.totp.Totp;
import io.gatehouse.persistence.JpaAccessKeyRepository;
import io.gatehouse.persistence.JpaAccountRepository;
import io.gatehouse.persistence.JpaAuditLog;
import io.gatehouse.persistence.JpaGroupRepository;
import io.gatehouse.persistence.JpaLoginProfileRepository;
import io.gatehouse.persistence.JpaMfaDeviceRepository;
import io.gatehouse.persistence.JpaPasswordPolicyRepository;
import io.gatehouse.persistence.JpaSigningCertificateRepository;
import io.gatehouse.persistence.JpaUserRepository;
import io.gatehouse.web.query.IamActions;
import io.gatehouse.web.query.StsActions;
import io.gatehouse.web.query.UnsignedAction;
import io.gatehouse.web.query.LdapIdentityActions;
import io.gatehouse.core.service.LdapProviderService;
import io.gatehouse.federation.ldap.LdapDirectories;
import io.gatehouse.federation.ldap.LdapIdentityFederation;
import io.gatehouse.federation.gateway.SignInGateway;
import io.gatehouse.core.service.LoginProviderService;
import io.gatehouse.federation.login.AuthorizationCodeLogin;
import io.gatehouse.federation.login.BackChannel;
import io.gatehouse.federation.login.ConfiguredLoginProviders;
import io.gatehouse.federation.sts.WebIdentitySignIn;
import io.gatehouse.persistence.JpaLoginProviderRepository;
import io.gatehouse.federation.mapping.ProviderRoleMappings;
import io.gatehouse.persistence.JpaLdapProviderRepository;
import io.gatehouse.persistence.JpaRoleMappingRepository;
import io.gatehouse.web.json.JsonApiDoor;
import io.gatehouse.web.json.OrganizationsApi;
import java.util.List;
import io.gatehouse.core.port.SigningKeyRepository;
import io.gatehouse.core.service.ConsoleSignIn;
import io.gatehouse.core.sts.BearerTokens;
import io.gatehouse.core.port.CredentialReportRepository;
import io.gatehouse.core.service.CredentialReportService;
import io.gatehouse.persistence.JpaCredentialReportRepository;
import io.gatehouse.core.simulation.PolicySimulator;
import io.gatehouse.persistence.JpaSigningKeyRepository;
import io.gatehouse.core.organization.OrganizationService;
import io.gatehouse.core.port.OrganizationRepository;
import io.gatehouse.persistence.JpaOrganizationRepository;
import io.gatehouse.core.service.SecurityTokenService;
import io.gatehouse.web.query.IamServices;
import io.gatehouse.core.service.IdentityProviderService;
import io.gatehouse.federation.metadata.DomSamlMetadataReader;
import io.gatehouse.persistence.JpaOpenIdConnectProviderRepository;
import io.gatehouse.persistence.JpaSamlProviderRepository;
import io.gatehouse.core.service.FederatedSessions;
import io.gatehouse.federation.oidc.CachingJwksSource;
import io.gatehouse.federation.oidc.OidcDiscovery;
import io.gatehouse.federation.oidc.WebIdentityTokenVerifier;
import io.gatehouse.federation.saml.SamlResponseValidator;
import io.gatehouse.federation.sts.SamlFederation;
import io.gatehouse.federation.sts.SamlAssertions;
import io.gatehouse.federation.sts.SamlBrowserSignIn;
import io.gatehouse.federation.saml.sp.AuthnRequestIds;
import io.gatehouse.federation.sts.WebIdentityFederation;
import io.gatehouse.persistence.JpaSamlAssertionUses;
import io.gatehouse.web.query.FederationActions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import io.gatehouse.core.port.AccountAliasRepository;
import io.gatehouse.core.port.InstanceProfileRepository;
import io.gatehouse.core.port.RoleRepository;
import io.gatehouse.core.service.AccountService;
import io.gatehouse.core.service.PolicyLanguageTrustValidator;
import io.gatehouse.core.service.InstanceProfileService;
import io.gatehouse.core.service.RoleService;
import io.gatehouse.core.service.TrustPolicyValidator;
import io.gatehouse.persistence.JpaAccountAliasRepository;
import io.gatehouse.persistence.JpaInstanceProfileRepository;
import io.gatehouse.persistence.JpaRoleRepository;
import io.gatehouse.core.port.ManagedPolicyRepository;
import io.gatehouse.core.port.PolicyAttachmentRepository;
import io.gatehouse.core.service.AwsManagedPolicies;
import io.gatehouse.core.service.ManagedPolicyService;
import io.gatehouse.core.service.PolicyAttachmentService;
import io.gatehouse.persistence.JpaManagedPolicyRepository;
import io.gatehouse.persistence.JpaPolicyAttachmentRepository;

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

    private MasterKeys.Ring masterKeys;

    /** Loaded once: on a first start this generates the key file, which both products below use. */
    private synchronized MasterKeys.Ring masterKeys() {
        if (masterKeys == null) {
            masterKeys = MasterKeys.load(masterKey, masterKeyId, previousMasterKeys, Path.of(dataDir));
        }
        return masterKeys;
    }

    @Produces
    @Singleton
    SecretCipher secretCipher() {
        return masterKeys().cipher();
    }

    @Produces
    @Singleton
    SessionTokenCodec sessionTokenCodec(Clock clock) {
        return new SessionTokenCodec(masterKeys().tokenKeys(), clock);
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
    PasswordPolicyRepository passwordPolicyRepository() {
        return new JpaPasswordPolicyRepository(entityManager);
    }

    @Produces
    @Singleton
    LoginProfileRepository loginProfileRepository() {
        return new JpaLoginProfileRepository(entityManager);
    }

    @Produces
    @Singleton
    MfaDeviceRepository mfaDeviceRepository() {
        return new JpaMfaDeviceRepository(entityManager);
    }

    @Produces
    @Singleton
    SigningCertificateRepository signingCertificateRepository() {
        return new JpaSigningCertificateRepository(entityManager);
    }

    @Produces
    @Singleton
    AuditLog auditLog() {
        return new JpaAuditLog(entityManager);
    }

    @Produces
    @Singleton
    UserService userService(UserRepository users, GroupRepository groups, AccessKeyRepository keys,
                            LoginProfileRepository loginProfiles, MfaDeviceRepository mfaDevices,
                            SigningCertificateRepository certificates, CredentialGenerator generator, Clock clock,
                            PolicyAttachmentRepository attachments) {
        return new UserService(users, groups, keys,
                new UserService.Credentials(loginProfiles, mfaDevices, certificates), generator, clock, attachments);
    }

    @Produces
    @Singleton
    PasswordPolicyService passwordPolicyService(PasswordPolicyRepository policies) {
        return new PasswordPolicyService(policies);
    }

    @Produces
    @Singleton
    LoginProfileService loginProfileService(LoginProfileRepository profiles, PasswordPolicyRepository policies,
                                            UserRepository users, PasswordHasher hasher, Clock clock,
                                            AccountRepository accounts) {
        return new LoginProfileService(profiles, policies, users, hasher, clock, Optional.of(
                new io.gatehouse.core.service.RootLoginProfiles(accounts, policies, hasher, clock)));
    }

    @Produces
    @Singleton
    MfaService mfaService(MfaDeviceRepository devices, UserRepository users, CredentialGenerator generator,
                          SecretCipher cipher, Clock clock) {
        return new MfaService(devices, users, generator, cipher, new Totp(clock), clock);
    }

    @Produces
    @Singleton
    SigningCertificateService signingCertificateService(SigningCertificateRepository certificates,
                                                        CredentialGenerator generator, Clock clock) {
        return new SigningCertificateService(certificates, generator, clock);
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

    /** This node's count of committed changes per account, which ends recent reads of the account. */
    @Produces
    @Singleton
    AccountChanges accountChanges() {
        return new AccountChanges();
    }

    /** Roles as the request path reads them, kept a few seconds (AssumeRole, role sessions). */
    @Produces
    @Singleton
    @Typed(RecentlyReadRoles.class)
    RecentlyReadRoles recentlyReadRoles(RoleRepository roles, AccountChanges changes, Clock clock) {
        return new RecentlyReadRoles(roles, changes, clock);
    }

    @Produces
    @Singleton
    Authorizer authorizer(PrincipalPolicies principalPolicies, RecentlyReadRoles roles,
                          PasswordPolicyRepository passwordPolicies) {
        return new PolicyAuthorizer(principalPolicies, roles, new PolicyEvaluator(),
                account -> passwordPolicies.find(account).map(PasswordPolicy::allowUsersToChangePassword).orElse(false),
                Optional.of(new io.gatehouse.core.sts.AuthorizationMessageCodec(masterKeys().tokenKeys())));
    }

    @Produces
    @Singleton
    PrincipalPolicies principalPolicies(UserRepository users, GroupRepository groups, RoleRepository roles,
                                        PolicyAttachmentRepository attachments, ManagedPolicyService managedPolicies,
                                        AccountChanges changes, Clock clock) {
        return new RecentlyReadPolicies(new StoredPrincipalPolicies(users, groups, roles, attachments, managedPolicies,
                new CompiledPolicyCache(4096)), changes, clock);
    }

    @Produces
    @Singleton
    CallerAuthenticator callerAuthenticator(UserRepository users, AccessKeyService accessKeys,
                                            SessionTokenCodec sessionTokens, AccountChanges changes, Clock clock) {
        return new CallerAuthenticator(new SigV4Verifier(clock), new RecentlyReadUsers(users, changes, clock),
                accessKeys, sessionTokens);
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
    RoleRepository roleRepository() {
        return new JpaRoleRepository(entityManager);
    }

    @Produces
    @Singleton
    InstanceProfileRepository instanceProfileRepository() {
        return new JpaInstanceProfileRepository(entityManager);
    }

    @Produces
    @Singleton
    AccountAliasRepository accountAliasRepository() {
        return new JpaAccountAliasRepository(entityManager);
    }

    @Produces
    @Singleton
    TrustPolicyValidator trustPolicyValidator() {
        return new PolicyLanguageTrustValidator();
    }

    @Produces
    @Singleton
    RoleService roleService(RoleRepository roles, InstanceProfileRepository profiles,
                            PolicyAttachmentRepository attachments, TrustPolicyValidator trust,
                            CredentialGenerator generator, Clock clock) {
        return new RoleService(roles, profiles, attachments, trust, generator, clock);
    }

    @Produces
    @Singleton
    InstanceProfileService instanceProfileService(InstanceProfileRepository profiles, RoleRepository roles,
                                                  CredentialGenerator generator, Clock clock) {
        return new InstanceProfileService(profiles, roles, generator, clock);
    }

    @Produces
    @Singleton
    AccountService accountService(AccountAliasRepository aliases, UserRepository users, GroupRepository groups,
                                  RoleRepository roles, InstanceProfileRepository profiles, AccessKeyRepository keys,
                                  PasswordPolicyRepository passwordPolicies) {
        return new AccountService(aliases, users, groups, roles, profiles, keys, passwordPolicies);
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
                                                    GroupRepository groups, RoleRepository roles) {
        return new PolicyAttachmentService(attachments, policies, users, groups, roles);
    }

    @Produces
    @Singleton
    IamServices iamServices(AccountRepository accounts, UserService users, GroupService groups,
                            AccessKeyService keys, UserRepository userRepository, GroupRepository groupRepository,
                            AccessKeyRepository keyRepository, LoginProfileService loginProfiles,
                            PasswordPolicyService passwordPolicies, MfaService mfa,
                            SigningCertificateService certificates, RoleService roles,
                            InstanceProfileService instanceProfiles, AccountService account,
                            RoleRepository roleRepository, InstanceProfileRepository instanceProfileRepository,
                            ManagedPolicyService managedPolicies, PolicyAttachmentService attachments,
                            PolicySimulator simulator, CredentialReportService credentialReports,
                            IdentityProviderService identityProviders) {
        return new IamServices(accounts, users, groups, keys, userRepository, groupRepository, keyRepository,
                new IamServices.Credentials(loginProfiles, passwordPolicies, mfa, certificates),
                roles, instanceProfiles, account, roleRepository, instanceProfileRepository,
                new InlinePolicyService(userRepository, groupRepository, roleRepository), managedPolicies, attachments,
                simulator, credentialReports, identityProviders);
    }

    @Produces
    @Singleton
    IdentityProviderService identityProviderService(Clock clock) {
        return new IdentityProviderService(new JpaSamlProviderRepository(entityManager),
                new JpaOpenIdConnectProviderRepository(entityManager), new DomSamlMetadataReader(),
                new JpaRoleMappingRepository(entityManager), clock);
    }

    @Produces
    @Singleton
    CredentialReportRepository credentialReportRepository() {
        return new JpaCredentialReportRepository(entityManager);
    }

    @Produces
    @Singleton
    CredentialReportService credentialReportService(CredentialReportRepository reports, AccountRepository accounts,
                                                    UserRepository users, LoginProfileRepository profiles,
                                                    MfaDeviceRepository devices, AccessKeyRepository keys,
                                                    SigningCertificateRepository certificates,
                                                    PasswordPolicyRepository passwordPolicies, Clock clock) {
        return new CredentialReportService(reports, accounts, users, profiles, devices, keys, certificates,
                passwordPolicies, clock, Duration.ofSeconds(credentialReportReuseSeconds));
    }

    @Produces
    @Singleton
    PolicySimulator policySimulator(PrincipalPolicies principals, UserRepository users, GroupRepository groups,
                                    RoleRepository roles) {
        return new PolicySimulator(principals, users, groups, roles, new PolicyEvaluator());
    }

    @Produces
    @Singleton
    IamActions iamActions() {
        return new IamActions();
    }

    @Inject
    @ConfigProperty(name = "gatehouse.jwt.issuer", defaultValue = "gatehouse")
    String jwtIssuer;

    /** How long a credential report is reused instead of generated again; AWS's four hours by default. */
    @Inject
    @ConfigProperty(name = "gatehouse.credential-report.reuse-seconds", defaultValue = "14400")
    long credentialReportReuseSeconds;

    @Produces
    @Singleton
    SigningKeyRepository signingKeyRepository() {
        return new JpaSigningKeyRepository(entityManager);
    }

    @Produces
    @Singleton
    BearerTokens bearerTokens(SigningKeyRepository keys, SecretCipher cipher, Clock clock) {
        return new BearerTokens(keys, cipher, clock, jwtIssuer);
    }

    @Produces
    @Singleton
    ConsoleSignIn consoleSignIn(UserRepository users, LoginProfileRepository profiles, MfaDeviceRepository devices,
                                MfaService mfa, PasswordHasher hasher) {
        return new ConsoleSignIn(users, profiles, devices, mfa, hasher);
    }

    @Produces
    @Singleton
    OrganizationRepository organizationRepository() {
        return new JpaOrganizationRepository(entityManager);
    }

    @Produces
    @Singleton
    OrganizationService organizationService(OrganizationRepository organizations, AccountRepository accounts,
                                            RoleService roles, PolicyAttachmentRepository attachments, Clock clock) {
        return new OrganizationService(organizations, accounts, roles, attachments, clock);
    }

    @Produces
    @Singleton
    JsonApiDoor.JsonApis jsonApis(OrganizationService organizations, Authorizer authorizer) {
        return new JsonApiDoor.JsonApis(List.of(new OrganizationsApi(organizations, authorizer)));
    }

    @Produces
    @Singleton
    StsActions stsActions(SecurityTokenService sts, FederationActions federation,
                          LdapIdentityFederation ldapIdentities, OrganizationRepository organizations,
                          Authorizer authorizer) {
        List<UnsignedAction> unsigned = new java.util.ArrayList<>(federation.all());
        unsigned.add(LdapIdentityActions.assumeRoleWithLdapIdentity(ldapIdentities));
        return new StsActions(sts, new io.gatehouse.core.service.RootAccess(organizations, authorizer,
                new CompiledPolicyCache(16), sts), Optional.of(new io.gatehouse.core.service.AuthorizationMessages(
                authorizer, new io.gatehouse.core.sts.AuthorizationMessageCodec(masterKeys().tokenKeys()))), unsigned);
    }

    @Produces
    @Singleton
    io.gatehouse.core.service.RootSignIn rootSignIn(AccountRepository accounts, PasswordHasher hasher) {
        return new io.gatehouse.core.service.RootSignIn(accounts, hasher);
    }

    /** Gatehouse's own SAML service provider entity id, accepted as audience beside AWS's endpoint. */
    @Inject
    @ConfigProperty(name = "gatehouse.saml.sp-entity-id")
    Optional<String> samlServiceProviderEntityId;

    /** One cache of OIDC providers' keys per server, shared by every web identity token check. */
    @Produces
    @Singleton
    CachingJwksSource jwksSource(Clock clock) {
        return new CachingJwksSource(new OidcDiscovery(), clock);
    }

    /** Role sessions for identity providers' users (SAML, OIDC, LDAP): the trust policy decides. */
    @Produces
    @Singleton
    FederatedSessions federatedSessions(SecurityTokenService sts) {
        return new FederatedSessions(sts, new CompiledPolicyCache(1024), new PolicyEvaluator());
    }

    // --- LDAP providers, role-mapping rules, AssumeRoleWithLDAPIdentity ---

    @Produces
    @Singleton
    LdapDirectories ldapDirectories(Clock clock) {
        ldapDirectories = new LdapDirectories(clock);
        return ldapDirectories;
    }

    private LdapDirectories ldapDirectories;

    /** A disposer would run on a fresh instance after the persistence unit is gone; this one runs on ours. */
    @jakarta.annotation.PreDestroy
    void closeLdapDirectories() {
        if (ldapDirectories != null) {
            ldapDirectories.close();
        }
    }

    /** The one rule for believing a SAML response, for AssumeRoleWithSAML and the browser sign-in alike. */
    @Produces
    @Singleton
    SamlAssertions samlAssertions(Clock clock) {
        return new SamlAssertions(new JpaSamlProviderRepository(entityManager), new DomSamlMetadataReader(),
                new SamlResponseValidator(clock), new JpaSamlAssertionUses(entityManager, clock));
    }

    /** The SAML browser sign-in (/signin/saml): AuthnRequests whose sealed ids any node checks. */
    @Produces
    @Singleton
    SamlBrowserSignIn samlBrowserSignIn(SamlAssertions assertions, SecretCipher cipher, Clock clock) {
        return new SamlBrowserSignIn(assertions, new AuthnRequestIds(cipher, clock), clock);
    }

    @Produces
    @Singleton
    FederationActions federationActions(SamlAssertions samlAssertions, FederatedSessions sessions,
                                        CachingJwksSource jwks, Clock clock) {
        return new FederationActions(new SamlFederation(samlAssertions, sessions, samlServiceProviderEntityId),
                new WebIdentityFederation(new JpaOpenIdConnectProviderRepository(entityManager),
                        new WebIdentityTokenVerifier(jwks, clock), sessions));
    }

    @Produces
    @Singleton
    LdapProviderService ldapProviderService(LdapDirectories directories, SecretCipher cipher, Clock clock) {
        return new LdapProviderService(new JpaLdapProviderRepository(entityManager),
                new JpaRoleMappingRepository(entityManager), directories, cipher, clock);
    }

    @Produces
    @Singleton
    ProviderRoleMappings providerRoleMappings(IdentityProviderService identityProviders,
                                              LdapProviderService ldapProviders) {
        return new ProviderRoleMappings(new JpaRoleMappingRepository(entityManager), identityProviders, ldapProviders);
    }

    @Produces
    @Singleton
    LdapIdentityFederation ldapIdentityFederation(LdapProviderService providers, LdapDirectories directories,
                                                  ProviderRoleMappings mappings, FederatedSessions sessions) {
        return new LdapIdentityFederation(providers, directories, mappings, sessions);
    }

    /** The browser sign-in's rule from a proven identity to a role session (the doors under /signin). */
    @Produces
    @Singleton
    SignInGateway signInGateway(ProviderRoleMappings mappings, FederatedSessions sessions, SecretCipher cipher,
                                Clock clock) {
        return new SignInGateway(mappings, sessions, cipher, clock);
    }

    @Produces
    @Singleton
    SecurityTokenService securityTokenService(RecentlyReadRoles roles, MfaService mfa, Authorizer authorizer,
                                              SessionTokenCodec tokens, CredentialGenerator generator, Clock clock) {
        return new SecurityTokenService(roles, mfa, authorizer, new CompiledPolicyCache(1024), tokens,
                generator, clock);
    }

    // --- sign-in providers: OpenID Connect and social browser sign-in ---

    @Produces
    @Singleton
    ConfiguredLoginProviders configuredLoginProviders() {
        return new ConfiguredLoginProviders();
    }

    @Produces
    @Singleton
    LoginProviderService loginProviderService(ConfiguredLoginProviders configured, SecretCipher cipher, Clock clock) {
        return new LoginProviderService(new JpaLoginProviderRepository(entityManager),
                new JpaOpenIdConnectProviderRepository(entityManager), configured, cipher, clock);
    }

    /** One per server: it remembers the states already used, so a callback is redeemed once. */
    @Produces
    @Singleton
    AuthorizationCodeLogin authorizationCodeLogin(CachingJwksSource jwks, Clock clock) {
        return new AuthorizationCodeLogin(new BackChannel(), new OidcDiscovery(), new WebIdentityTokenVerifier(jwks, clock),
                clock, new java.security.SecureRandom());
    }

    @Produces
    @Singleton
    WebIdentitySignIn webIdentitySignIn() {
        return new WebIdentitySignIn(new JpaOpenIdConnectProviderRepository(entityManager));
    }

    // --- Connecting a Keycloak realm (POST /api/v1/keycloak-realms) ---

    /** Stateless but for its HTTP client: each call signs in to the realm's admin API with the caller's credentials. */
    @Produces
    @Singleton
    io.gatehouse.federation.keycloak.KeycloakRealmConnector keycloakRealmConnector(Clock clock) {
        return new io.gatehouse.federation.keycloak.KeycloakRealmConnector(
                io.gatehouse.federation.keycloak.KeycloakRealmConnector.DEFAULT_TIMEOUT, clock);
    }
}
