package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.credential.CredentialGenerator;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.identity.ManagedPolicy;
import io.gatehouse.core.identity.ManagedPolicyVersion;
import io.gatehouse.core.identity.PolicyAttachment.Kind;
import io.gatehouse.core.policy.PolicyKind;
import io.gatehouse.core.policy.PolicyParser;
import io.gatehouse.core.policy.PolicyQuota;
import io.gatehouse.core.port.ManagedPolicyRepository;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.port.PolicyAttachmentRepository;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Managed policies and their versions: CreatePolicy, GetPolicy, ListPolicies, DeletePolicy and the
 * version actions. AWS-managed policies are found and listed like the account's own but can be
 * neither changed nor deleted.
 */
public final class ManagedPolicyService {

    /** What ListPolicies' {@code Scope} selects. */
    public enum Scope { All, AWS, Local }

    private final ManagedPolicyRepository policies;
    private final PolicyAttachmentRepository attachments;
    private final AwsManagedPolicies awsManaged;
    private final CredentialGenerator generator;
    private final Clock clock;

    public ManagedPolicyService(ManagedPolicyRepository policies, PolicyAttachmentRepository attachments,
                                AwsManagedPolicies awsManaged, CredentialGenerator generator, Clock clock) {
        this.policies = policies;
        this.attachments = attachments;
        this.awsManaged = awsManaged;
        this.generator = generator;
        this.clock = clock;
    }

    public ManagedPolicy create(AccountId account, String name, Optional<String> path, String document,
                                Optional<String> description) {
        Constraint.POLICY_NAME.check("PolicyName", name);
        String policyPath = path.map(p -> Constraint.PATH.check("Path", p)).orElse("/");
        description.ifPresent(d -> {
            if (d.length() > 1000) {
                throw IamException.validation("1 validation error detected: Value at 'description' failed to satisfy"
                        + " constraint: Member must have length less than or equal to 1000");
            }
        });
        validate(document);
        if (policies.findByName(account, name).isPresent()) {
            throw IamException.alreadyExists("A policy called " + name + " already exists. Duplicate names are not allowed.");
        }
        if (policies.count(account) >= Quotas.MANAGED_POLICIES_PER_ACCOUNT) {
            throw IamException.limitExceeded("Cannot exceed quota for PoliciesPerAccount: "
                    + Quotas.MANAGED_POLICIES_PER_ACCOUNT);
        }
        var now = clock.instant();
        ManagedPolicy policy = new ManagedPolicy(Arn.iam(account, "policy", policyPath, name),
                generator.uniqueId("ANPA"), name, policyPath, description, "v1", now, now);
        policies.create(account, policy, new ManagedPolicyVersion("v1", document, now));
        return policy;
    }

    /** The policy, if the caller's account may see it: its own, or an AWS-managed one. */
    public ManagedPolicy get(AccountId account, String arn) {
        checkArn(arn);
        return awsManaged.find(arn)
                .or(() -> policies.findByArn(arn).filter(p -> p.arn().account().equals(account.value())))
                .orElseThrow(() -> noSuchPolicy(arn));
    }

    public long attachmentCount(AccountId account, ManagedPolicy policy) {
        return attachments.count(account, policy.arn().toString(), Kind.PERMISSIONS);
    }

    public long boundaryUsageCount(AccountId account, ManagedPolicy policy) {
        return attachments.count(account, policy.arn().toString(), Kind.PERMISSIONS_BOUNDARY);
    }

    public Page<ManagedPolicy> list(AccountId account, Scope scope, boolean onlyAttached, Optional<String> pathPrefix,
                                    Optional<Kind> usage, PageRequest page) {
        String prefix = pathPrefix.map(p -> Constraint.PATH_PREFIX.check("PathPrefix", p)).orElse("/");
        List<ManagedPolicy> all = new ArrayList<>();
        if (scope != Scope.Local) {
            awsManaged.all().stream().filter(p -> p.path().startsWith(prefix)).forEach(all::add);
        }
        if (scope != Scope.AWS) {
            all.addAll(policies.list(account, prefix));
        }
        List<ManagedPolicy> selected = all.stream()
                .filter(p -> !onlyAttached || usage.isPresent() || attachmentCount(account, p) + boundaryUsageCount(account, p) > 0)
                .filter(p -> usage.isEmpty() || attachments.count(account, p.arn().toString(), usage.get()) > 0)
                .toList();
        return NamePages.page(selected, p -> p.arn().toString(), page);
    }

    /** AWS refuses while the policy is attached anywhere or has versions besides the default. */
    public void delete(AccountId account, String arn) {
        ManagedPolicy policy = modifiable(account, arn);
        if (attachmentCount(account, policy) > 0 || boundaryUsageCount(account, policy) > 0) {
            throw IamException.deleteConflict("Cannot delete a policy attached to entities.");
        }
        if (policies.versions(policy).size() > 1) {
            throw IamException.deleteConflict("This policy has more than one version. Before you delete a policy,"
                    + " you must delete the policy's versions. The default version is deleted with the policy.");
        }
        policies.delete(policy);
    }

    public ManagedPolicyVersion createVersion(AccountId account, String arn, String document, boolean setAsDefault) {
        ManagedPolicy policy = modifiable(account, arn);
        validate(document);
        if (policies.versions(policy).size() >= Quotas.VERSIONS_PER_MANAGED_POLICY) {
            throw IamException.limitExceeded("A managed policy can have up to " + Quotas.VERSIONS_PER_MANAGED_POLICY
                    + " versions. Before you create a new version, you must delete an existing version.");
        }
        ManagedPolicyVersion version = policies.addVersion(policy, document, clock.instant());
        if (setAsDefault) {
            policies.update(policy.withDefaultVersion(version.versionId(), version.createDate()));
        }
        return version;
    }

    public ManagedPolicyVersion version(AccountId account, String arn, String versionId) {
        ManagedPolicy policy = get(account, arn);
        checkVersionId(versionId);
        return (policy.isAwsManaged() ? awsManaged.version(arn, versionId) : policies.version(policy, versionId))
                .orElseThrow(() -> noSuchVersion(arn, versionId));
    }

    /** Versions, newest first. */
    public List<ManagedPolicyVersion> versions(AccountId account, String arn) {
        ManagedPolicy policy = get(account, arn);
        return policy.isAwsManaged() ? List.of(awsManaged.version(arn, "v1").orElseThrow()) : policies.versions(policy);
    }

    public void deleteVersion(AccountId account, String arn, String versionId) {
        ManagedPolicy policy = modifiable(account, arn);
        checkVersionId(versionId);
        policies.version(policy, versionId).orElseThrow(() -> noSuchVersion(arn, versionId));
        if (policy.defaultVersionId().equals(versionId)) {
            throw IamException.deleteConflict("Cannot delete the default version of a policy.");
        }
        policies.deleteVersion(policy, versionId);
    }

    public void setDefaultVersion(AccountId account, String arn, String versionId) {
        ManagedPolicy policy = modifiable(account, arn);
        checkVersionId(versionId);
        policies.version(policy, versionId).orElseThrow(() -> noSuchVersion(arn, versionId));
        policies.update(policy.withDefaultVersion(versionId, clock.instant()));
    }

    /** The document of the policy's default version: what attachments grant. */
    public String defaultDocument(AccountId account, ManagedPolicy policy) {
        return version(account, policy.arn().toString(), policy.defaultVersionId()).document();
    }

    /** An identity policy within the managed-policy size quota; positions in the message. */
    private static void validate(String document) {
        PolicyParser.parse(document, PolicyKind.IDENTITY, PolicyQuota.MANAGED);
    }

    private ManagedPolicy modifiable(AccountId account, String arn) {
        ManagedPolicy policy = get(account, arn);
        if (policy.isAwsManaged()) {
            throw IamException.accessDenied("The AWS-managed policy " + arn + " cannot be changed or deleted.");
        }
        return policy;
    }

    static void checkArn(String arn) {
        if (arn.length() < 20 || arn.length() > 2048) {
            throw IamException.validation("1 validation error detected: Value '" + arn + "' at 'policyArn' failed to"
                    + " satisfy constraint: Member must have length between 20 and 2048");
        }
        try {
            Arn parsed = Arn.parse(arn);
            if (!parsed.service().equals("iam") || !parsed.resource().startsWith("policy/")) {
                throw new IllegalArgumentException(arn);
            }
        } catch (IllegalArgumentException e) {
            throw new IamException(io.gatehouse.core.error.ErrorCode.INVALID_INPUT, "ARN " + arn + " is not valid.");
        }
    }

    private static void checkVersionId(String versionId) {
        if (!versionId.matches("v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?")) {
            throw IamException.validation("1 validation error detected: Value '" + versionId + "' at 'versionId'"
                    + " failed to satisfy constraint: Member must satisfy regular expression pattern:"
                    + " v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?");
        }
    }

    static IamException noSuchPolicy(String arn) {
        return IamException.noSuchEntity("Policy " + arn + " does not exist or is not attachable.");
    }

    private static IamException noSuchVersion(String arn, String versionId) {
        return IamException.noSuchEntity("Policy " + arn + " version " + versionId + " does not exist or is not attachable.");
    }
}
