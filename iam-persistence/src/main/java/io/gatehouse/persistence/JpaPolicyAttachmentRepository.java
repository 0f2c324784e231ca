package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.PolicyAttachment;
import io.gatehouse.core.identity.PrincipalType;
import io.gatehouse.core.port.PolicyAttachmentRepository;
import jakarta.persistence.EntityManager;

import java.util.List;

/** Policy attachments on JPA. */
public final class JpaPolicyAttachmentRepository implements PolicyAttachmentRepository {

    private final EntityManager em;

    public JpaPolicyAttachmentRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void attach(AccountId account, PolicyAttachment attachment) {
        em.persist(new PolicyAttachmentEntity(account.value(), attachment));
        Flushes.flush(em, () -> Flushes.concurrentModification(null));
    }

    @Override
    public boolean detach(PolicyAttachment attachment) {
        PolicyAttachmentEntity entity = em.find(PolicyAttachmentEntity.class, PolicyAttachmentEntity.key(attachment));
        if (entity == null) {
            return false;
        }
        em.remove(entity);
        Flushes.flush(em, () -> Flushes.concurrentModification(null));
        return true;
    }

    @Override
    public boolean isAttached(PolicyAttachment attachment) {
        return em.find(PolicyAttachmentEntity.class, PolicyAttachmentEntity.key(attachment)) != null;
    }

    @Override
    public List<String> attachedTo(PrincipalType type, String principalId, PolicyAttachment.Kind kind) {
        return em.createQuery("""
                        select a.policyArn from PolicyAttachmentEntity a
                        where a.principalType = :type and a.principalId = :id and a.kind = :kind
                        order by a.policyArn""", String.class)
                .setParameter("type", type.name())
                .setParameter("id", principalId)
                .setParameter("kind", kind.name())
                .getResultList();
    }

    @Override
    public List<PolicyAttachment> attachmentsOf(AccountId account, String policyArn, PolicyAttachment.Kind kind) {
        return em.createQuery("""
                        select a from PolicyAttachmentEntity a
                        where a.policyArn = :arn and a.accountId = :account and a.kind = :kind""",
                        PolicyAttachmentEntity.class)
                .setParameter("arn", policyArn)
                .setParameter("account", account.value())
                .setParameter("kind", kind.name())
                .getResultStream().map(PolicyAttachmentEntity::toAttachment).toList();
    }

    @Override
    public long count(AccountId account, String policyArn, PolicyAttachment.Kind kind) {
        return em.createQuery("""
                        select count(a) from PolicyAttachmentEntity a
                        where a.policyArn = :arn and a.accountId = :account and a.kind = :kind""", Long.class)
                .setParameter("arn", policyArn)
                .setParameter("account", account.value())
                .setParameter("kind", kind.name())
                .getSingleResult();
    }
}
