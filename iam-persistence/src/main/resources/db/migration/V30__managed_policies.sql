-- Customer-managed policies and their versions. AWS-managed policies ship with the server and are
-- not stored. Names are unique per account case-insensitively (name_key, as for users and groups);
-- last_version numbers versions so that a deleted number is never reused, as in AWS.

create table managed_policies (
    policy_id       varchar(32)   not null,
    account_id      varchar(12)   not null,
    arn             varchar(2048) not null,
    name            varchar(128)  not null,
    name_key        varchar(128)  ${name_collation} not null,
    path            varchar(512)  ${name_collation} not null,
    description     varchar(1000),
    default_version varchar(32)   not null,
    last_version    integer       not null,
    create_date     timestamp(6) with time zone not null,
    update_date     timestamp(6) with time zone not null,
    version         bigint        not null,
    constraint pk_managed_policies primary key (policy_id),
    constraint uq_managed_policies_name unique (account_id, name_key),
    constraint uq_managed_policies_arn unique (arn),
    constraint fk_managed_policies_account foreign key (account_id) references accounts (account_id)
);

create table managed_policy_versions (
    policy_id   varchar(32)     not null,
    version_id  varchar(32)     not null,
    version_no  integer         not null,
    document    varchar(131072) not null,
    create_date timestamp(6) with time zone not null,
    constraint pk_managed_policy_versions primary key (policy_id, version_id),
    constraint fk_managed_policy_versions_policy foreign key (policy_id)
        references managed_policies (policy_id) on delete cascade
);
