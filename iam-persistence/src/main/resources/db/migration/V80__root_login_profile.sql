-- When the root user's password was last set, reported as its login profile's CreateDate
-- (GetLoginProfile from an AssumeRoot session). Null for a password set before this column existed:
-- the account's create date stands in.

alter table accounts add column root_password_set_at timestamp(6) with time zone;
