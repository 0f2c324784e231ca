-- The organization (at most one: the server's accounts form one organization), its member
-- accounts, and the records of CreateAccount requests that DescribeCreateAccountStatus reads.
-- Portable between H2 2.x and PostgreSQL.

create table organizations (
    organization_id       varchar(34) not null,
    management_account_id varchar(12) not null,
    create_date           timestamp(6) with time zone not null,
    version               bigint      not null,
    constraint pk_organizations primary key (organization_id),
    constraint uq_organizations_management unique (management_account_id),
    constraint fk_organizations_account foreign key (management_account_id) references accounts (account_id)
);

create table organization_accounts (
    account_id      varchar(12) not null,
    organization_id varchar(34) not null,
    joined_method   varchar(16) not null,
    joined_date     timestamp(6) with time zone not null,
    constraint pk_organization_accounts primary key (account_id),
    constraint fk_organization_accounts_account foreign key (account_id) references accounts (account_id),
    constraint fk_organization_accounts_org foreign key (organization_id) references organizations (organization_id)
);

create table create_account_requests (
    request_id     varchar(36)  not null,
    account_name   varchar(50)  not null,
    state          varchar(16)  not null,
    requested_date timestamp(6) with time zone not null,
    completed_date timestamp(6) with time zone,
    account_id     varchar(12),
    failure_reason varchar(64),
    constraint pk_create_account_requests primary key (request_id)
);

create index ix_create_account_requests_requested on create_account_requests (requested_date);
