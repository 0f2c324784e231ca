-- Managed policies attached to identities, as permissions or as the permissions boundary
-- (kind PERMISSIONS / PERMISSIONS_BOUNDARY; at most one boundary per identity, enforced by the
-- service). Policies are named by ARN so that AWS-managed ones, which are not stored, attach too;
-- principal_type (USER, GROUP, ROLE) lets roles use the same table. account_id scopes the counts
-- AWS reports per account (AttachmentCount of an AWS-managed policy).

create table policy_attachments (
    principal_type varchar(8)    not null,
    principal_id   varchar(32)   not null,
    kind           varchar(24)   not null,
    policy_arn     varchar(2048) not null,
    account_id     varchar(12)   not null,
    constraint pk_policy_attachments primary key (principal_type, principal_id, kind, policy_arn),
    constraint fk_policy_attachments_account foreign key (account_id) references accounts (account_id)
);

create index ix_policy_attachments_policy on policy_attachments (policy_arn, account_id, kind);
