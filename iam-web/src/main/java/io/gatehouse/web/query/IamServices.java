package io.gatehouse.web.query;

import io.gatehouse.core.port.AccessKeyRepository;
import io.gatehouse.core.port.AccountRepository;
import io.gatehouse.core.port.GroupRepository;
import io.gatehouse.core.port.InstanceProfileRepository;
import io.gatehouse.core.port.RoleRepository;
import io.gatehouse.core.port.UserRepository;
import io.gatehouse.core.simulation.PolicySimulator;
import io.gatehouse.core.service.CredentialReportService;
import io.gatehouse.core.service.AccessKeyService;
import io.gatehouse.core.service.AccountService;
import io.gatehouse.core.service.GroupService;
import io.gatehouse.core.service.IdentityProviderService;
import io.gatehouse.core.service.LoginProfileService;
import io.gatehouse.core.service.MfaService;
import io.gatehouse.core.service.PasswordPolicyService;
import io.gatehouse.core.service.SigningCertificateService;
import io.gatehouse.core.service.InlinePolicyService;
import io.gatehouse.core.service.InstanceProfileService;
import io.gatehouse.core.service.RoleService;
import io.gatehouse.core.service.ManagedPolicyService;
import io.gatehouse.core.service.PolicyAttachmentService;
import io.gatehouse.core.service.UserService;

/**
 * The service layer as the actions see it; the JSON API uses the same services. The repositories
 * are here for resolving the resource ARN an action is authorized against.
 */
public record IamServices(AccountRepository accounts, UserService users, GroupService groups, AccessKeyService accessKeys,
                          UserRepository userRepository, GroupRepository groupRepository,
                          AccessKeyRepository accessKeyRepository, Credentials credentials, RoleService roles,
                          InstanceProfileService instanceProfiles, AccountService account,
                          RoleRepository roleRepository, InstanceProfileRepository instanceProfileRepository,
                          InlinePolicyService inlinePolicies, ManagedPolicyService managedPolicies,
                          PolicyAttachmentService policyAttachments, PolicySimulator simulator,
                          CredentialReportService credentialReports, IdentityProviderService identityProviders) {

    /** The services of a user's other credentials: console password, MFA devices, signing certificates. */
    public record Credentials(LoginProfileService loginProfiles, PasswordPolicyService passwordPolicies,
                              MfaService mfa, SigningCertificateService signingCertificates) {
    }

    public LoginProfileService loginProfiles() {
        return credentials.loginProfiles();
    }

    public PasswordPolicyService passwordPolicies() {
        return credentials.passwordPolicies();
    }

    public MfaService mfa() {
        return credentials.mfa();
    }

    public SigningCertificateService signingCertificates() {
        return credentials.signingCertificates();
    }
}
