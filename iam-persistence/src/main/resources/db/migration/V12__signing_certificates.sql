-- X.509 signing certificates as uploaded (PEM). fingerprint is the SHA-256 of the DER encoding:
-- unique per account, so the same certificate cannot be uploaded twice even by racing requests.
-- user_id is null for the root user's own certificates.

create table signing_certificates (
    certificate_id   varchar(128)  not null,
    account_id       varchar(12)   not null,
    user_id          varchar(32),
    certificate_body varchar(16384) not null,
    fingerprint      varchar(64)   not null,
    status           varchar(16)   not null,
    upload_date      timestamp(6) with time zone not null,
    version          bigint        not null,
    constraint pk_signing_certificates primary key (certificate_id),
    constraint uq_signing_certificates_fingerprint unique (account_id, fingerprint),
    constraint fk_signing_certificates_account foreign key (account_id) references accounts (account_id),
    constraint fk_signing_certificates_user foreign key (user_id) references iam_users (user_id)
);

create index ix_signing_certificates_owner on signing_certificates (account_id, user_id);
