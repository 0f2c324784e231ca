-- IAM roles with their tags. Portable between H2 2.x and PostgreSQL; name_key and
-- ${name_collation} as for users and groups (V1): names unique per account case-insensitively,
-- listed in byte order on both databases.
-- The trust policy column is sized to the document type's maximum, so raising the trust policy
-- quota needs no migration.

create table iam_roles (
    role_id              varchar(32)     not null,
    account_id           varchar(12)     not null,
    name                 varchar(64)     not null,
    name_key             varchar(64)     ${name_collation} not null,
    path                 varchar(512)    ${name_collation} not null,
    create_date          timestamp(6) with time zone not null,
    trust_policy         varchar(131072) not null,
    description          varchar(1000),
    max_session_duration integer         not null,
    permissions_boundary varchar(2048),
    version              bigint          not null,
    constraint pk_iam_roles primary key (role_id),
    constraint uq_iam_roles_name unique (account_id, name_key),
    constraint fk_iam_roles_account foreign key (account_id) references accounts (account_id)
);

create table role_tags (
    role_id   varchar(32)  not null,
    tag_index integer      not null,
    tag_key   varchar(128) not null,
    tag_value varchar(256) not null,
    constraint pk_role_tags primary key (role_id, tag_index),
    constraint fk_role_tags_role foreign key (role_id) references iam_roles (role_id) on delete cascade
);
