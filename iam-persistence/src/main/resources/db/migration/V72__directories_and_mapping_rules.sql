-- LDAP providers: directories users sign in against (AssumeRoleWithLDAPIdentity), keyed by ARN
-- like the other identity providers (V70), names unique per account case-insensitively. The
-- service account's password is sealed (bind_password_key_id, bind_password_ciphertext) as
-- access-key secrets are (V2); it is never stored in clear.
-- Role-mapping rules: one rule document per identity provider (SAML, OIDC or LDAP), keyed by the
-- provider's ARN; sized to the document's own limit of 262,144 characters.

create table ldap_providers (
    arn                        varchar(2048) not null,
    account_id                 varchar(12)   not null,
    name                       varchar(128)  not null,
    name_key                   varchar(128)  ${name_collation} not null,
    url                        varchar(2048) not null,
    bind_dn                    varchar(2048) not null,
    bind_password_key_id       varchar(128)  not null,
    bind_password_ciphertext   bytea         not null,
    user_search_base           varchar(2048) not null,
    user_filter                varchar(2048) not null,
    group_search_base          varchar(2048) not null,
    group_resolution           varchar(32)   not null,
    active_directory           boolean       not null,
    timeout_millis             bigint        not null,
    create_date                timestamp(6) with time zone not null,
    version                    bigint        not null,
    constraint pk_ldap_providers primary key (arn),
    constraint uq_ldap_providers_name unique (account_id, name_key),
    constraint fk_ldap_providers_account foreign key (account_id) references accounts (account_id)
);

create table role_mapping_rules (
    provider_arn varchar(2048)   not null,
    account_id   varchar(12)     not null,
    document     varchar(262144) not null,
    version      bigint          not null,
    constraint pk_role_mapping_rules primary key (provider_arn),
    constraint fk_role_mapping_rules_account foreign key (account_id) references accounts (account_id)
);
