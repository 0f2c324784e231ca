-- Inline policies embedded in roles, as user_policies and group_policies hold them. A role with
-- inline policies cannot be deleted (DeleteConflict), so there is no cascade from roles.

create table role_policies (
    role_id     varchar(32)     not null,
    name_key    varchar(128)    ${name_collation} not null,
    policy_name varchar(128)    not null,
    document    varchar(131072) not null,
    version     bigint          not null,
    constraint pk_role_policies primary key (role_id, name_key),
    constraint fk_role_policies_role foreign key (role_id) references iam_roles (role_id)
);

-- A role's permissions boundary is an attachment, as a user's is, so that policy usage counts,
-- ListEntitiesForPolicy and DeletePolicy see roles' boundaries too. Move the ones CreateRole stored
-- in iam_roles; the column is no longer read.
insert into policy_attachments (principal_type, principal_id, kind, policy_arn, account_id)
    select 'ROLE', role_id, 'PERMISSIONS_BOUNDARY', permissions_boundary, account_id
    from iam_roles where permissions_boundary is not null;
update iam_roles set permissions_boundary = null where permissions_boundary is not null;
