-- When and where each role was last assumed (GetRole's RoleLastUsed). Written beside the role by an
-- update that does not touch its version: a role being assumed is not a change to the role.

alter table iam_roles add column last_used_date timestamp(6) with time zone;
alter table iam_roles add column last_used_region varchar(64);
