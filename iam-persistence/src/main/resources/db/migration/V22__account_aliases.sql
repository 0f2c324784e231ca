-- Account aliases. Portable between H2 2.x and PostgreSQL. One row per account at most (the key),
-- and an alias belongs to one account of the server (the unique constraint): it names the
-- account's sign-in page. Aliases are lower case by their syntax, so no name key is needed.

create table account_aliases (
    account_id varchar(12) not null,
    alias      varchar(63) not null,
    version    bigint      not null,
    constraint pk_account_aliases primary key (account_id),
    constraint uq_account_aliases_alias unique (alias),
    constraint fk_account_aliases_account foreign key (account_id) references accounts (account_id)
);
