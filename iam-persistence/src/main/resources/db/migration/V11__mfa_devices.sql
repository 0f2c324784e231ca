-- Virtual MFA devices. The TOTP seed is stored sealed (AES-GCM under the master key named by
-- seed_key_id, bound to the serial number) because verifying a code needs it back. user_id is set
-- while the device is enabled for a user; last_used_step makes each code single-use.

create table mfa_devices (
    serial_number    varchar(256) ${name_collation} not null,
    account_id       varchar(12)  not null,
    name             varchar(226) not null,
    name_key         varchar(226) ${name_collation} not null,
    path             varchar(512) not null,
    seed_key_id      varchar(128) not null,
    seed_ciphertext  bytea        not null,
    create_date      timestamp(6) with time zone not null,
    user_id          varchar(32),
    enable_date      timestamp(6) with time zone,
    last_used_step   bigint       not null,
    version          bigint       not null,
    constraint pk_mfa_devices primary key (serial_number),
    constraint uq_mfa_devices_name unique (account_id, name_key),
    constraint fk_mfa_devices_account foreign key (account_id) references accounts (account_id),
    constraint fk_mfa_devices_user foreign key (user_id) references iam_users (user_id)
);

create index ix_mfa_devices_user on mfa_devices (account_id, user_id);

create table mfa_device_tags (
    serial_number varchar(256) not null,
    tag_index     integer      not null,
    tag_key       varchar(128) not null,
    tag_value     varchar(256) not null,
    constraint pk_mfa_device_tags primary key (serial_number, tag_index),
    constraint fk_mfa_device_tags_device foreign key (serial_number) references mfa_devices (serial_number) on delete cascade
);
