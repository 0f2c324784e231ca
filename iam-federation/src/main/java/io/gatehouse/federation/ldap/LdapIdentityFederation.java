package io.gatehouse.federation.ldap;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.LdapProvider;
import io.gatehouse.core.service.LdapProviderService;
import io.gatehouse.core.service.RequestFacts;
import io.gatehouse.core.service.FederatedSessions;
import io.gatehouse.core.sts.AssumeRoleRequest.SessionPolicies;
import io.gatehouse.core.sts.FederatedRoleRequest;
import io.gatehouse.core.sts.IssuedSession;
import io.gatehouse.federation.gateway.ProvenSignIn;
import io.gatehouse.federation.mapping.FederatedIdentity;
import io.gatehouse.federation.mapping.ProviderRoleMappings;
import io.gatehouse.federation.mapping.RoleCandidate;
import io.gatehouse.federation.mapping.RoleMappingRules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * AssumeRoleWithLDAPIdentity, as MinIO offers it: the directory proves the user's password, the
 * provider's mapping rules choose the role, and the role's trust policy must allow
 * {@code Federated: <ldap-provider ARN>} with the keys {@code ldap:username} and
 * {@code ldap:groups} (group names and DNs).
 */
public final class LdapIdentityFederation {

    public static final String ACTION = "sts:AssumeRoleWithLDAPIdentity";
    private static final int MAX_SESSION_NAME = 64;

    private final LdapProviderService providers;
    private final LdapDirectories directories;
    private final ProviderRoleMappings mappings;
    private final FederatedSessions sessions;

    public LdapIdentityFederation(LdapProviderService providers, LdapDirectories directories,
                                  ProviderRoleMappings mappings, FederatedSessions sessions) {
        this.providers = providers;
        this.directories = directories;
        this.mappings = mappings;
        this.sessions = sessions;
    }

    /** The parameters as sent; only the provider, the user name and the password are required. */
    public record Request(String providerArn, String username, String password, Optional<String> roleArn,
                          Optional<String> roleSessionName, Optional<Integer> durationSeconds,
                          Optional<String> policy) {
        public Request {
            Objects.requireNonNull(providerArn, "providerArn");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(roleArn, "roleArn");
            Objects.requireNonNull(roleSessionName, "roleSessionName");
            Objects.requireNonNull(durationSeconds, "durationSeconds");
            Objects.requireNonNull(policy, "policy");
        }

        @Override
        public String toString() {
            return "Request[providerArn=" + providerArn + ", username=" + username + ", password=****]";
        }
    }

    public IssuedSession assume(Request request, RequestFacts facts) {
        ProvenSignIn proven = prove(request.providerArn(), request.username(), request.password());
        RoleMappingRules rules = mappings.rules(proven.identity().providerArn())
                .orElseThrow(LdapIdentityFederation::noMatch);
        RoleCandidate chosen = choose(rules.map(proven.identity()), request.roleArn());
        return sessions.assumeRole(new FederatedRoleRequest(ACTION, proven.identity().providerArn().toString(),
                chosen.roleArn().toString(), request.roleSessionName().orElse(proven.roleSessionName()),
                request.durationSeconds(), Optional.empty(), new SessionPolicies(request.policy(), List.of()),
                chosen.sessionTags(), Set.of(), Optional.empty(), proven.conditionKeys()), facts);
    }

    /**
     * Checks the user's password with the provider's directory and says who signed in, with the
     * condition keys {@code ldap:username}, {@code ldap:groups} and {@code ldap:dn}; the roles are
     * left to the mapping rules. The browser's directory sign-in form starts here too.
     */
    public ProvenSignIn prove(String providerArn, String username, String password) {
        LdapProvider provider = provider(providerArn);
        LdapAuthenticator authenticator = directories.authenticator(provider, providers.bindPassword(provider));
        DirectoryIdentity user = authenticator.authenticate(username, password);
        FederatedIdentity identity = identity(provider.arn(), user);
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("ldap:username", List.of(user.loginName()));
        keys.put("ldap:groups", identity.groups());
        keys.put("ldap:dn", List.of(user.dn()));
        return ProvenSignIn.mappedOnly(identity, ACTION, sessionName(user.loginName()), keys);
    }

    private LdapProvider provider(String text) {
        Arn arn;
        try {
            arn = Arn.parse(text);
        } catch (IamException e) {
            throw new IamException(ErrorCode.INVALID_PARAMETER_VALUE, "ProviderArn " + text + " is not valid.");
        }
        if (LdapProviderService.name(arn).isEmpty()) {
            throw new IamException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "ProviderArn must name an ldap-provider: " + text);
        }
        try {
            return providers.provider(new AccountId(arn.account()), arn);
        } catch (IamException e) {
            directories.forget(arn);
            throw e;
        }
    }

    /** Directory attributes become claims; groups are named both ways, by name and by DN. */
    static FederatedIdentity identity(Arn provider, DirectoryIdentity user) {
        List<String> groups = new ArrayList<>(user.groupNames());
        groups.addAll(user.groupDns());
        return new FederatedIdentity(provider, user.dn(), user.attributes(), groups);
    }

    private static RoleCandidate choose(List<RoleCandidate> candidates, Optional<String> roleArn) {
        if (candidates.isEmpty()) {
            throw noMatch();
        }
        if (roleArn.isPresent()) {
            return candidates.stream().filter(c -> c.roleArn().toString().equals(roleArn.get())).findFirst()
                    .orElseThrow(() -> IamException.accessDenied("The role-mapping rules do not offer role "
                            + roleArn.get() + " to this user"));
        }
        if (candidates.size() > 1) {
            throw IamException.validation("The role-mapping rules offer this user " + candidates.size()
                    + " roles; choose one with RoleArn: " + candidates.stream()
                    .map(c -> c.roleArn().toString()).toList());
        }
        return candidates.get(0);
    }

    /** AWS's RoleSessionName pattern is {@code [\w+=,.@-]{2,64}}; other characters become '-'. */
    static String sessionName(String loginName) {
        StringBuilder name = new StringBuilder();
        loginName.codePoints().limit(MAX_SESSION_NAME).forEach(c -> name.append(
                c < 128 && (Character.isLetterOrDigit(c) || "_+=,.@-".indexOf(c) >= 0) ? (char) c : '-'));
        while (name.length() < 2) {
            name.append('-');
        }
        return name.toString();
    }

    private static IamException noMatch() {
        return IamException.accessDenied("Not authorized to perform " + ACTION + ": no role mapping matched");
    }
}
