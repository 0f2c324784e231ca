-- The latest credential report of each account, its CSV stored gzip-compressed (a report has a
-- row of about 400 characters per user, and accounts may hold thousands of users).

create table credential_reports (
    account_id   varchar(12) not null,
    generated_at timestamp(6) with time zone not null,
    content_gzip bytea       not null,
    constraint pk_credential_reports primary key (account_id),
    constraint fk_credential_reports_account foreign key (account_id) references accounts (account_id)
);
