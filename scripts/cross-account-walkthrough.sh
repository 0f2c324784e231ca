#!/usr/bin/env bash
# The cross-account walkthrough with the real AWS CLI against a running Gatehouse. Expects
# AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY of an administrator of the management account.
#  1. AWS Organizations creates the accounts Production and Development (and a third one);
#  2. the management account's administrator reaches each through OrganizationAccountAccessRole;
#  3. in Production: the policy read_my_bucket and the role delegate_read_my_bucket trusting Development;
#  4. in Development: a user allowed to assume that role;
#  5. the user assumes the role, exports the three variables, and get-caller-identity shows the role;
#  6. the simulator shows s3:GetObject on my-bucket/report.csv allowed and s3:PutObject denied;
#  7. a user of the third account is refused by the trust policy.
# Usage: scripts/cross-account-walkthrough.sh http://localhost:9080
set -euo pipefail
endpoint=${1:?usage: cross-account-walkthrough.sh ENDPOINT}
aws_cli=${AWS_CLI:-/usr/bin/aws}
export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
aws_() { "$aws_cli" --endpoint-url "$endpoint" --output text "$@"; }
fail() { echo "walkthrough: FAILED: $*" >&2; exit 1; }
suffix="$(date +%s)-$RANDOM"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Creates an account and prints its id once its creation has succeeded.
create_account() {
  local name=$1 request state
  request=$(aws_ organizations create-account --account-name "$name" \
    --email "$(tr '[:upper:]' '[:lower:]' <<<"$name")+$suffix@example.com" --query CreateAccountStatus.Id)
  read -r state account < <(aws_ organizations describe-create-account-status \
    --create-account-request-id "$request" --query 'CreateAccountStatus.[State,AccountId]')
  [[ $state == SUCCEEDED && $account =~ ^[0-9]{12}$ ]] || fail "create-account $name ended $state"
  echo "$account"
}

# Prints "key secret token" of a session in the account's OrganizationAccountAccessRole.
admin_session() {
  aws_ sts assume-role --role-arn "arn:aws:iam::$1:role/OrganizationAccountAccessRole" \
    --role-session-name setup --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]'
}

# Runs the CLI with the given credentials: as KEY SECRET TOKEN|- command...
as() {
  local key=$1 secret=$2 token=$3
  shift 3
  if [[ $token == - ]]; then
    AWS_ACCESS_KEY_ID=$key AWS_SECRET_ACCESS_KEY=$secret AWS_SESSION_TOKEN= aws_ "$@"
  else
    AWS_ACCESS_KEY_ID=$key AWS_SECRET_ACCESS_KEY=$secret AWS_SESSION_TOKEN=$token aws_ "$@"
  fi
}

production=$(create_account Production)
development=$(create_account Development)
third=$(create_account Third)
accounts=$(aws_ organizations list-accounts --query 'Accounts[].Id')
for account in "$production" "$development" "$third"; do
  grep -qw "$account" <<<"$accounts" || fail "list-accounts does not show $account"
done
echo "walkthrough: created Production $production, Development $development and Third $third"

read -r pk ps pt < <(admin_session "$production")
cat >"$work/read_my_bucket.json" <<'JSON'
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket"},
    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}
  ]
}
JSON
cat >"$work/trust.json" <<JSON
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
  "Principal": {"AWS": "arn:aws:iam::$development:root"}, "Action": "sts:AssumeRole"}]}
JSON
policy_arn=$(as "$pk" "$ps" "$pt" iam create-policy --policy-name read_my_bucket \
  --policy-document "file://$work/read_my_bucket.json" --query Policy.Arn)
role_arn=$(as "$pk" "$ps" "$pt" iam create-role --role-name delegate_read_my_bucket \
  --assume-role-policy-document "file://$work/trust.json" --query Role.Arn)
as "$pk" "$ps" "$pt" iam attach-role-policy --role-name delegate_read_my_bucket --policy-arn "$policy_arn"
echo "walkthrough: Production has $role_arn with read_my_bucket"

read -r dk ds dt < <(admin_session "$development")
cat >"$work/assume.json" <<JSON
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "$role_arn"}]}
JSON
as "$dk" "$ds" "$dt" iam create-user --user-name developer >/dev/null
as "$dk" "$ds" "$dt" iam put-user-policy --user-name developer --policy-name assume-delegate \
  --policy-document "file://$work/assume.json"
read -r user_key user_secret < <(as "$dk" "$ds" "$dt" iam create-access-key --user-name developer \
  --query 'AccessKey.[AccessKeyId,SecretAccessKey]')
echo "walkthrough: Development has the user developer, allowed to assume the role"

read -r session_key session_secret session_token < <(as "$user_key" "$user_secret" - sts assume-role \
  --role-arn "$role_arn" --role-session-name my-s3-session --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]')
identity=$(AWS_ACCESS_KEY_ID=$session_key AWS_SECRET_ACCESS_KEY=$session_secret AWS_SESSION_TOKEN=$session_token \
  aws_ sts get-caller-identity --query Arn)
[[ $identity == "arn:aws:sts::$production:assumed-role/delegate_read_my_bucket/my-s3-session" ]] \
  || fail "get-caller-identity in the session shows $identity"
echo "walkthrough: the developer's session is $identity"

decisions=$(as "$pk" "$ps" "$pt" iam simulate-principal-policy --policy-source-arn "$role_arn" \
  --action-names s3:GetObject s3:PutObject --resource-arns arn:aws:s3:::my-bucket/report.csv \
  --query 'EvaluationResults[].[EvalActionName,EvalDecision]')
grep -q $'s3:GetObject\tallowed' <<<"$decisions" || fail "s3:GetObject is not allowed: $decisions"
grep -q $'s3:PutObject\timplicitDeny' <<<"$decisions" || fail "s3:PutObject is not denied: $decisions"
echo "walkthrough: s3:GetObject on my-bucket/report.csv is allowed and s3:PutObject denied"

read -r tk ts tt < <(admin_session "$third")
cat >"$work/any.json" <<'JSON'
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}
JSON
as "$tk" "$ts" "$tt" iam create-user --user-name outsider >/dev/null
as "$tk" "$ts" "$tt" iam put-user-policy --user-name outsider --policy-name any --policy-document "file://$work/any.json"
read -r outsider_key outsider_secret < <(as "$tk" "$ts" "$tt" iam create-access-key --user-name outsider \
  --query 'AccessKey.[AccessKeyId,SecretAccessKey]')
set +e
refused=$(as "$outsider_key" "$outsider_secret" - sts assume-role --role-arn "$role_arn" --role-session-name nope 2>&1)
status=$?
set -e
[[ $status -ne 0 && $refused == *AccessDenied* ]] || fail "a user of the third account was not refused: $refused"
echo "walkthrough: a user of the third account is refused by the trust policy"
echo "walkthrough: passed"
