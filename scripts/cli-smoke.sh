#!/usr/bin/env bash
# Drives a running Gatehouse with the real AWS CLI: create a user, give it an access key, list users,
# use the new key, and enable a virtual MFA device with codes computed here from its seed. Expects AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY of an administrator.
# Usage: scripts/cli-smoke.sh http://localhost:9080
set -euo pipefail
endpoint=${1:?usage: cli-smoke.sh ENDPOINT}
aws_cli=${AWS_CLI:-/usr/bin/aws}
export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
iam() { "$aws_cli" --endpoint-url "$endpoint" --output json iam "$@"; }
iam_text() { "$aws_cli" --endpoint-url "$endpoint" --output text iam "$@"; }
fail() { echo "cli-smoke: FAILED: $*" >&2; exit 1; }

user="smoke-$(date +%s)-$RANDOM"
iam create-user --user-name "$user" --path /smoke/ >/tmp/cli-smoke-user.json
grep -q "\"UserName\": \"$user\"" /tmp/cli-smoke-user.json || fail "create-user did not return the user"
echo "cli-smoke: created user $user"

key_json=$(iam create-access-key --user-name "$user")
key_id=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["AccessKey"]["AccessKeyId"])' <<<"$key_json")
key_secret=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["AccessKey"]["SecretAccessKey"])' <<<"$key_json")
[[ $key_id == AKIA* ]] || fail "create-access-key returned no AKIA key id"
echo "cli-smoke: created access key $key_id"

iam list-users --path-prefix /smoke/ | grep -q "\"UserName\": \"$user\"" || fail "list-users does not show $user"
echo "cli-smoke: list-users shows $user"

# The new key authenticates (SigV4 by the CLI) but its user is no administrator: AccessDenied.
set +e
denied=$(AWS_ACCESS_KEY_ID=$key_id AWS_SECRET_ACCESS_KEY=$key_secret iam list-users 2>&1)
status=$?
set -e
[[ $status -ne 0 && $denied == *AccessDenied* ]] || fail "a non-administrator was not refused: $denied"
echo "cli-smoke: the new user's key authenticates and is refused with AccessDenied"

iam add-user-to-group --group-name Administrators --user-name "$user"
AWS_ACCESS_KEY_ID=$key_id AWS_SECRET_ACCESS_KEY=$key_secret iam get-user | grep -q "\"UserName\": \"$user\"" \
  || fail "get-user with the new key did not describe its user"
iam remove-user-from-group --group-name Administrators --user-name "$user"
echo "cli-smoke: with Administrators membership the new key works"

# A virtual MFA device: the CLI writes the seed (base32) to a file; two consecutive TOTP codes
# (RFC 6238: HMAC-SHA-1, 6 digits, 30 s) computed from it enable the device for the user.
mfa_name="smoke-mfa-$(date +%s)-$RANDOM"
seed_file=$(mktemp)
trap 'rm -f "$seed_file"' EXIT
mfa_json=$(iam create-virtual-mfa-device --virtual-mfa-device-name "$mfa_name" \
  --outfile "$seed_file" --bootstrap-method Base32StringSeed)
serial=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["VirtualMFADevice"]["SerialNumber"])' <<<"$mfa_json")
[[ $serial == arn:aws:iam::*:mfa/$mfa_name ]] || fail "create-virtual-mfa-device returned serial number '$serial'"
read -r code1 code2 < <(python3 - "$seed_file" <<'PY'
import base64, hashlib, hmac, struct, sys, time
seed = open(sys.argv[1]).read().strip()
key = base64.b32decode(seed + "=" * (-len(seed) % 8))
def code(step):
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)
step = int(time.time()) // 30
print(code(step), code(step + 1))
PY
)
iam enable-mfa-device --user-name "$user" --serial-number "$serial" \
  --authentication-code1 "$code1" --authentication-code2 "$code2"
iam list-mfa-devices --user-name "$user" | grep -q "\"SerialNumber\": \"$serial\"" \
  || fail "list-mfa-devices does not show $serial for $user"
echo "cli-smoke: enabled virtual MFA device $serial for $user"

# The same codes never work twice.
iam deactivate-mfa-device --user-name "$user" --serial-number "$serial"
set +e
replayed=$(iam enable-mfa-device --user-name "$user" --serial-number "$serial" \
  --authentication-code1 "$code1" --authentication-code2 "$code2" 2>&1)
status=$?
set -e
[[ $status -ne 0 && $replayed == *InvalidAuthenticationCode* ]] || fail "replayed MFA codes were not refused: $replayed"
iam delete-virtual-mfa-device --serial-number "$serial"
echo "cli-smoke: replayed codes refused; device deactivated and deleted"

# A customer-managed policy, created from a file and attached with the CLI, takes effect at once.
policy_file=$(mktemp)
trap 'rm -f "$seed_file" "$policy_file"' EXIT
cat >"$policy_file" <<'JSON'
{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": ["iam:ListUsers", "iam:GetUser"], "Resource": "*"}]
}
JSON
policy_json=$(iam create-policy --policy-name "$user-list" --policy-document "file://$policy_file")
policy_arn=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["Policy"]["Arn"])' <<<"$policy_json")
[[ $policy_arn == arn:aws:iam::*:policy/$user-list ]] || fail "create-policy returned no policy ARN: $policy_json"
iam attach-user-policy --user-name "$user" --policy-arn "$policy_arn"
AWS_ACCESS_KEY_ID=$key_id AWS_SECRET_ACCESS_KEY=$key_secret iam list-users --path-prefix /smoke/ \
  | grep -q "\"UserName\": \"$user\"" || fail "the attached policy did not allow list-users"
set +e
denied=$(AWS_ACCESS_KEY_ID=$key_id AWS_SECRET_ACCESS_KEY=$key_secret iam create-user --user-name "$user-x" 2>&1)
status=$?
set -e
[[ $status -ne 0 && $denied == *AccessDenied* ]] || fail "the attached policy allowed more than it says: $denied"
iam get-policy-version --policy-arn "$policy_arn" --version-id v1 | grep -q '"iam:ListUsers"' \
  || fail "get-policy-version did not return the decoded document"
iam detach-user-policy --user-name "$user" --policy-arn "$policy_arn"
iam delete-policy --policy-arn "$policy_arn"
echo "cli-smoke: create-policy + attach-user-policy grant exactly the policy's actions"
# The policy simulator, as the CLI calls it: one action allowed, one implicitly denied. A list of
# documents goes to the CLI as a JSON array of strings (a bare document would be split at its commas).
policy_list=$(python3 -c 'import json,sys; print(json.dumps([open(sys.argv[1]).read()]))' "$policy_file")
decisions=$(iam_text simulate-custom-policy --policy-input-list "$policy_list" \
  --action-names iam:ListUsers iam:CreateUser --query 'EvaluationResults[].[EvalActionName,EvalDecision]')
grep -q $'iam:ListUsers\tallowed' <<<"$decisions" || fail "simulate-custom-policy did not allow iam:ListUsers: $decisions"
grep -q $'iam:CreateUser\timplicitDeny' <<<"$decisions" || fail "simulate-custom-policy did not deny iam:CreateUser: $decisions"
echo "cli-smoke: simulate-custom-policy allows iam:ListUsers and implicitly denies iam:CreateUser"

# The credential report: generated, then read back as AWS's CSV (the CLI prints the blob as base64).
iam_text generate-credential-report --query State | grep -Eq '^(STARTED|COMPLETE)$' \
  || fail "generate-credential-report did not start a report"
report=$(iam_text get-credential-report --query Content | base64 -d)
head -1 <<<"$report" | grep -q '^user,arn,user_creation_time,password_enabled,' \
  || fail "the credential report does not have AWS's columns: $(head -1 <<<"$report")"
grep -q "^$user,arn:aws:iam::" <<<"$report" || fail "the credential report has no row for $user"
echo "cli-smoke: get-credential-report returns AWS's CSV with a row for $user"

echo "$user" > /tmp/cli-smoke-last-user
echo "cli-smoke: passed"
