-- IAM identity providers. Each is keyed by its ARN, which is how every action names it.
-- SAML providers: names unique per account case-insensitively (name_key, ${name_collation} as in
-- V1); the metadata document is kept as uploaded, sized to AWS's maximum of 10,000,000 characters
-- (within both H2's and PostgreSQL's varchar limits).
-- OIDC providers: one per URL without scheme (url_key, the ARN's resource part) and account; the
-- URL itself keeps its scheme. Client ids and thumbprints keep their order.

create table saml_providers (
    arn               varchar(2048)     not null,
    account_id        varchar(12)       not null,
    name              varchar(128)      not null,
    name_key          varchar(128)      ${name_collation} not null,
    provider_uuid     varchar(36)       not null,
    metadata_document varchar(10000000) not null,
    create_date       timestamp(6) with time zone not null,
    valid_until       timestamp(6) with time zone not null,
    version           bigint            not null,
    constraint pk_saml_providers primary key (arn),
    constraint uq_saml_providers_name unique (account_id, name_key),
    constraint fk_saml_providers_account foreign key (account_id) references accounts (account_id)
);

create table saml_provider_tags (
    provider_arn varchar(2048) not null,
    tag_index    integer       not null,
    tag_key      varchar(128)  not null,
    tag_value    varchar(256)  not null,
    constraint pk_saml_provider_tags primary key (provider_arn, tag_index),
    constraint fk_saml_provider_tags_provider foreign key (provider_arn) references saml_providers (arn)
        on delete cascade
);

create table oidc_providers (
    arn         varchar(2048) not null,
    account_id  varchar(12)   not null,
    url         varchar(255)  not null,
    url_key     varchar(255)  ${name_collation} not null,
    create_date timestamp(6) with time zone not null,
    version     bigint        not null,
    constraint pk_oidc_providers primary key (arn),
    constraint uq_oidc_providers_url unique (account_id, url_key),
    constraint fk_oidc_providers_account foreign key (account_id) references accounts (account_id)
);

create table oidc_provider_client_ids (
    provider_arn varchar(2048) not null,
    item_index   integer       not null,
    client_id    varchar(255)  not null,
    constraint pk_oidc_provider_client_ids primary key (provider_arn, item_index),
    constraint fk_oidc_provider_client_ids_provider foreign key (provider_arn) references oidc_providers (arn)
        on delete cascade
);

create table oidc_provider_thumbprints (
    provider_arn varchar(2048) not null,
    item_index   integer       not null,
    thumbprint   varchar(40)   not null,
    constraint pk_oidc_provider_thumbprints primary key (provider_arn, item_index),
    constraint fk_oidc_provider_thumbprints_provider foreign key (provider_arn) references oidc_providers (arn)
        on delete cascade
);

create table oidc_provider_tags (
    provider_arn varchar(2048) not null,
    tag_index    integer       not null,
    tag_key      varchar(128)  not null,
    tag_value    varchar(256)  not null,
    constraint pk_oidc_provider_tags primary key (provider_arn, tag_index),
    constraint fk_oidc_provider_tags_provider foreign key (provider_arn) references oidc_providers (arn)
        on delete cascade
);
