-- Sign-in providers: OpenID Connect and social providers people sign in at with their browser,
-- keyed by ARN like the other identity providers (V70, V72), names unique per account
-- case-insensitively. The client secret, when the client has one, is sealed (client_secret_key_id,
-- client_secret_ciphertext) as access-key secrets are (V2); it is never stored in clear. Scopes
-- are kept space-separated, as OAuth writes them.

create table login_providers (
    arn                        varchar(2048) not null,
    account_id                 varchar(12)   not null,
    name                       varchar(128)  not null,
    name_key                   varchar(128)  ${name_collation} not null,
    kind                       varchar(16)   not null,
    issuer                     varchar(2048),
    tenant                     varchar(64),
    server                     varchar(2048),
    realm                      varchar(255),
    client_id                  varchar(255)  not null,
    scopes                     varchar(4096) not null,
    client_authentication      varchar(32)   not null,
    iam_provider_arn           varchar(2048) not null,
    client_secret_key_id       varchar(128),
    client_secret_ciphertext   bytea,
    create_date                timestamp(6) with time zone not null,
    version                    bigint        not null,
    constraint pk_login_providers primary key (arn),
    constraint uq_login_providers_name unique (account_id, name_key),
    constraint fk_login_providers_account foreign key (account_id) references accounts (account_id)
);
