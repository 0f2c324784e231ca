-- Keys that sign the JSON REST API's bearer tokens: the public JWK in clear (it is published), the
-- private JWK sealed under the master key whose id is stored beside it. Shared by every node.

create table token_signing_keys (
    key_id          varchar(64)   not null,
    public_jwk      varchar(4000) not null,
    sealed_key_id   varchar(64)   not null,
    sealed_private  bytea         not null,
    create_date     timestamp(6) with time zone not null,
    constraint pk_token_signing_keys primary key (key_id)
);
