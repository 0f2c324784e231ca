-- Instance profiles, the role each holds, and their tags. Portable between H2 2.x and PostgreSQL.
-- instance_profile_roles has the profile alone as its key: a profile holds at most one role, as
-- in AWS, even when two requests race. No cascade from roles or profiles: IAM refuses to delete
-- either while the link remains.

create table iam_instance_profiles (
    instance_profile_id varchar(32)  not null,
    account_id          varchar(12)  not null,
    name                varchar(128) not null,
    name_key            varchar(128) ${name_collation} not null,
    path                varchar(512) ${name_collation} not null,
    create_date         timestamp(6) with time zone not null,
    version             bigint       not null,
    constraint pk_iam_instance_profiles primary key (instance_profile_id),
    constraint uq_iam_instance_profiles_name unique (account_id, name_key),
    constraint fk_iam_instance_profiles_account foreign key (account_id) references accounts (account_id)
);

create table instance_profile_roles (
    instance_profile_id varchar(32) not null,
    role_id             varchar(32) not null,
    constraint pk_instance_profile_roles primary key (instance_profile_id),
    constraint fk_instance_profile_roles_profile foreign key (instance_profile_id)
        references iam_instance_profiles (instance_profile_id),
    constraint fk_instance_profile_roles_role foreign key (role_id) references iam_roles (role_id)
);

create index ix_instance_profile_roles_role on instance_profile_roles (role_id);

create table instance_profile_tags (
    instance_profile_id varchar(32)  not null,
    tag_index           integer      not null,
    tag_key             varchar(128) not null,
    tag_value           varchar(256) not null,
    constraint pk_instance_profile_tags primary key (instance_profile_id, tag_index),
    constraint fk_instance_profile_tags_profile foreign key (instance_profile_id)
        references iam_instance_profiles (instance_profile_id) on delete cascade
);
