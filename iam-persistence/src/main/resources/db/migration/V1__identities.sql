-- Accounts, users (with tags), groups, memberships and group inline policies.
-- Portable between H2 2.x and PostgreSQL 15. ${name_collation} makes name keys compare byte-wise on
-- PostgreSQL (COLLATE "C"), as they do on H2, so listings page in the same order everywhere.
-- name_key is the name in lower case (Locale.ROOT): the unique constraints on it make names unique
-- per account case-insensitively, as IAM requires, even when two requests race.

create table accounts (
    account_id         varchar(12)  not null,
    name               varchar(255) not null,
    root_email         varchar(320) not null,
    root_password_hash varchar(512) not null,
    create_date        timestamp(6) with time zone not null,
    version            bigint       not null,
    constraint pk_accounts primary key (account_id)
);

create table iam_users (
    user_id     varchar(32)  not null,
    account_id  varchar(12)  not null,
    name        varchar(64)  not null,
    name_key    varchar(64)  ${name_collation} not null,
    path        varchar(512) ${name_collation} not null,
    create_date timestamp(6) with time zone not null,
    version     bigint       not null,
    constraint pk_iam_users primary key (user_id),
    constraint uq_iam_users_name unique (account_id, name_key),
    constraint fk_iam_users_account foreign key (account_id) references accounts (account_id)
);

create table user_tags (
    user_id   varchar(32)  not null,
    tag_index integer      not null,
    tag_key   varchar(128) not null,
    tag_value varchar(256) not null,
    constraint pk_user_tags primary key (user_id, tag_index),
    constraint fk_user_tags_user foreign key (user_id) references iam_users (user_id) on delete cascade
);

create table iam_groups (
    group_id    varchar(32)  not null,
    account_id  varchar(12)  not null,
    name        varchar(128) not null,
    name_key    varchar(128) ${name_collation} not null,
    path        varchar(512) ${name_collation} not null,
    create_date timestamp(6) with time zone not null,
    version     bigint       not null,
    constraint pk_iam_groups primary key (group_id),
    constraint uq_iam_groups_name unique (account_id, name_key),
    constraint fk_iam_groups_account foreign key (account_id) references accounts (account_id)
);

-- No cascade from users or groups: IAM refuses to delete either while memberships remain.
create table group_members (
    group_id varchar(32) not null,
    user_id  varchar(32) not null,
    constraint pk_group_members primary key (group_id, user_id),
    constraint fk_group_members_group foreign key (group_id) references iam_groups (group_id),
    constraint fk_group_members_user foreign key (user_id) references iam_users (user_id)
);

create index ix_group_members_user on group_members (user_id);

create table group_policies (
    group_id    varchar(32)     not null,
    name_key    varchar(128)    ${name_collation} not null,
    policy_name varchar(128)    not null,
    document    varchar(131072) not null,
    version     bigint          not null,
    constraint pk_group_policies primary key (group_id, name_key),
    constraint fk_group_policies_group foreign key (group_id) references iam_groups (group_id) on delete cascade
);
