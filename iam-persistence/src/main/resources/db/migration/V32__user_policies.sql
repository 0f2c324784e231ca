-- Inline policies embedded in users, as group_policies holds them for groups. A user with inline
-- policies cannot be deleted (DeleteConflict), so there is no cascade from iam_users.

create table user_policies (
    user_id     varchar(32)     not null,
    name_key    varchar(128)    ${name_collation} not null,
    policy_name varchar(128)    not null,
    document    varchar(131072) not null,
    version     bigint          not null,
    constraint pk_user_policies primary key (user_id, name_key),
    constraint fk_user_policies_user foreign key (user_id) references iam_users (user_id)
);
