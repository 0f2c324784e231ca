-- SAML assertions already exchanged for credentials (AssumeRoleWithSAML accepts each once). A row
-- is needed only until the assertion expires (expires_at); expired rows are deleted as new ones come.
create table saml_assertion_uses (
    assertion_id varchar(256)  not null,
    provider_arn varchar(2048) not null,
    expires_at   timestamp(6) with time zone not null,
    constraint pk_saml_assertion_uses primary key (assertion_id)
);

create index ix_saml_assertion_uses_expires on saml_assertion_uses (expires_at);
