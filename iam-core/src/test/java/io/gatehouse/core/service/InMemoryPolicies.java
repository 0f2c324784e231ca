package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.ManagedPolicy;
import io.gatehouse.core.identity.ManagedPolicyVersion;
import io.gatehouse.core.identity.PolicyAttachment;
import io.gatehouse.core.identity.PrincipalType;
import io.gatehouse.core.port.ManagedPolicyRepository;
import io.gatehouse.core.port.PolicyAttachmentRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Managed policies and attachments in memory, for the services' rules. */
final class InMemoryPolicies implements ManagedPolicyRepository, PolicyAttachmentRepository {

    private final Map<String, ManagedPolicy> policies = new HashMap<>();
    private final Map<String, List<ManagedPolicyVersion>> versions = new HashMap<>();
    private final Map<String, Integer> lastVersion = new HashMap<>();
    private final Set<PolicyAttachment> attached = new LinkedHashSet<>();
    private final Map<PolicyAttachment, AccountId> accounts = new HashMap<>();

    @Override
    public Optional<ManagedPolicy> findByArn(String arn) {
        return policies.values().stream().filter(p -> p.arn().toString().equals(arn)).findFirst();
    }

    @Override
    public Optional<ManagedPolicy> findByName(AccountId account, String name) {
        return policies.values().stream().filter(p -> p.arn().account().equals(account.value())
                && p.name().equalsIgnoreCase(name)).findFirst();
    }

    @Override
    public List<ManagedPolicy> list(AccountId account, String pathPrefix) {
        return policies.values().stream().filter(p -> p.arn().account().equals(account.value())
                        && p.path().startsWith(pathPrefix))
                .sorted(Comparator.comparing(p -> p.name().toLowerCase(Locale.ROOT))).toList();
    }

    @Override
    public long count(AccountId account) {
        return list(account, "/").size();
    }

    @Override
    public void create(AccountId account, ManagedPolicy policy, ManagedPolicyVersion first) {
        policies.put(policy.policyId(), policy);
        versions.put(policy.policyId(), new ArrayList<>(List.of(first)));
        lastVersion.put(policy.policyId(), 1);
    }

    @Override
    public void update(ManagedPolicy policy) {
        policies.put(policy.policyId(), policy);
    }

    @Override
    public void delete(ManagedPolicy policy) {
        policies.remove(policy.policyId());
        versions.remove(policy.policyId());
    }

    @Override
    public List<ManagedPolicyVersion> versions(ManagedPolicy policy) {
        List<ManagedPolicyVersion> newestFirst = new ArrayList<>(versions.get(policy.policyId()));
        newestFirst.sort(Comparator.comparing((ManagedPolicyVersion v) -> Integer.parseInt(v.versionId().substring(1)))
                .reversed());
        return newestFirst;
    }

    @Override
    public Optional<ManagedPolicyVersion> version(ManagedPolicy policy, String versionId) {
        return versions.get(policy.policyId()).stream().filter(v -> v.versionId().equals(versionId)).findFirst();
    }

    @Override
    public ManagedPolicyVersion addVersion(ManagedPolicy policy, String document, Instant createDate) {
        int next = lastVersion.merge(policy.policyId(), 1, Integer::sum);
        ManagedPolicyVersion version = new ManagedPolicyVersion("v" + next, document, createDate);
        versions.get(policy.policyId()).add(version);
        return version;
    }

    @Override
    public void deleteVersion(ManagedPolicy policy, String versionId) {
        versions.get(policy.policyId()).removeIf(v -> v.versionId().equals(versionId));
    }

    @Override
    public void attach(AccountId account, PolicyAttachment attachment) {
        attached.add(attachment);
        accounts.put(attachment, account);
    }

    @Override
    public boolean detach(PolicyAttachment attachment) {
        return attached.remove(attachment);
    }

    @Override
    public boolean isAttached(PolicyAttachment attachment) {
        return attached.contains(attachment);
    }

    @Override
    public List<String> attachedTo(PrincipalType type, String principalId, PolicyAttachment.Kind kind) {
        return attached.stream().filter(a -> a.principalType() == type && a.principalId().equals(principalId)
                && a.kind() == kind).map(PolicyAttachment::policyArn).sorted().toList();
    }

    @Override
    public List<PolicyAttachment> attachmentsOf(AccountId account, String policyArn, PolicyAttachment.Kind kind) {
        return attached.stream().filter(a -> a.policyArn().equals(policyArn) && a.kind() == kind
                && accounts.get(a).equals(account)).toList();
    }

    @Override
    public long count(AccountId account, String policyArn, PolicyAttachment.Kind kind) {
        return attachmentsOf(account, policyArn, kind).size();
    }
}
