#!/usr/bin/env bash
# Drives a running Gatehouse's STS federation with the real AWS CLI, unsigned (--no-sign-request) as
# AWS's federation calls are: assume-role-with-web-identity and assume-role-with-saml, then the
# returned credentials name the assumed role in get-caller-identity. The token, the SAML response
# and the roles come from the caller (the integration test that makes the identity providers):
#   WEB_IDENTITY_TOKEN, WEB_IDENTITY_ROLE_ARN, SAML_ASSERTION (base64), SAML_ROLE_ARN, SAML_PROVIDER_ARN
# Usage: scripts/cli-federation.sh http://localhost:9080
set -euo pipefail
endpoint=${1:?usage: cli-federation.sh ENDPOINT}
aws_cli=${AWS_CLI:-/usr/bin/aws}
export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
: "${WEB_IDENTITY_TOKEN:?}" "${WEB_IDENTITY_ROLE_ARN:?}" "${SAML_ASSERTION:?}" "${SAML_ROLE_ARN:?}" "${SAML_PROVIDER_ARN:?}"
fail() { echo "cli-federation: FAILED: $*" >&2; exit 1; }
field() { python3 -c 'import json,sys
value = json.load(sys.stdin)
for name in sys.argv[1].split("."):
    value = value[name]
print(value)' "$1"; }
# No key of the caller's: the federation calls must work without any.
unsigned() { env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN \
  "$aws_cli" --endpoint-url "$endpoint" --output json --no-sign-request sts "$@"; }
caller_arn() {
  AWS_ACCESS_KEY_ID=$(field Credentials.AccessKeyId <<<"$1") \
  AWS_SECRET_ACCESS_KEY=$(field Credentials.SecretAccessKey <<<"$1") \
  AWS_SESSION_TOKEN=$(field Credentials.SessionToken <<<"$1") \
    "$aws_cli" --endpoint-url "$endpoint" --output json sts get-caller-identity | field Arn
}

web=$(unsigned assume-role-with-web-identity --role-arn "$WEB_IDENTITY_ROLE_ARN" \
  --role-session-name cli-web --web-identity-token "$WEB_IDENTITY_TOKEN")
web_arn=$(field AssumedRoleUser.Arn <<<"$web")
[[ $web_arn == arn:aws:sts::*:assumed-role/*/cli-web ]] || fail "assume-role-with-web-identity returned '$web_arn'"
[[ $(field SubjectFromWebIdentityToken <<<"$web") == cli-subject ]] || fail "the token's subject was not returned"
[[ $(caller_arn "$web") == "$web_arn" ]] || fail "the web identity session is not the assumed role"
echo "cli-federation: assume-role-with-web-identity issued $web_arn"

saml=$(unsigned assume-role-with-saml --role-arn "$SAML_ROLE_ARN" --principal-arn "$SAML_PROVIDER_ARN" \
  --saml-assertion "$SAML_ASSERTION")
saml_arn=$(field AssumedRoleUser.Arn <<<"$saml")
[[ $saml_arn == arn:aws:sts::*:assumed-role/*/cli-saml ]] || fail "assume-role-with-saml returned '$saml_arn'"
[[ $(field SubjectType <<<"$saml") == persistent ]] || fail "the assertion's subject type was not returned"
[[ $(caller_arn "$saml") == "$saml_arn" ]] || fail "the SAML session is not the assumed role"
echo "cli-federation: assume-role-with-saml issued $saml_arn"

# The same assertion a second time is a replay.
set +e
replay=$(unsigned assume-role-with-saml --role-arn "$SAML_ROLE_ARN" --principal-arn "$SAML_PROVIDER_ARN" \
  --saml-assertion "$SAML_ASSERTION" 2>&1)
status=$?
set -e
[[ $status -ne 0 && $replay == *InvalidIdentityToken* ]] || fail "a replayed assertion was not refused: $replay"
echo "cli-federation: a replayed assertion is refused with InvalidIdentityToken"
echo "cli-federation: passed"
