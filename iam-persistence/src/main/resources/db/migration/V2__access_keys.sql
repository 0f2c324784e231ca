-- Long-term access keys. The secret is stored sealed (AES-GCM under the master key named by
-- secret_key_id) because SigV4 needs it back; user_id is null for the root user's own keys.

create table access_keys (
    access_key_id     varchar(128) not null,
    account_id        varchar(12)  not null,
    user_id           varchar(32),
    status            varchar(16)  not null,
    secret_key_id     varchar(128) not null,
    secret_ciphertext bytea        not null,
    create_date       timestamp(6) with time zone not null,
    last_used_date    timestamp(6) with time zone,
    last_used_service varchar(64),
    last_used_region  varchar(64),
    version           bigint       not null,
    constraint pk_access_keys primary key (access_key_id),
    constraint fk_access_keys_account foreign key (account_id) references accounts (account_id),
    constraint fk_access_keys_user foreign key (user_id) references iam_users (user_id)
);

create index ix_access_keys_owner on access_keys (account_id, user_id);
