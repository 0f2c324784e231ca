#!/usr/bin/env bash
# The real AWS CLI takes roles at a running Gatehouse with what a real Keycloak issued to its users
# after they signed in at Keycloak's login form: the SAML response of the realm's Gatehouse SAML
# client, and an ID token of its OIDC client. Both calls are unsigned (--no-sign-request), as AWS's
# federation calls are; get-caller-identity with the returned credentials names the assumed role.
# The integration test that connected the realm passes, by environment:
#   KEYCLOAK_SAML_RESPONSE (base64), SAML_ROLE_ARN, SAML_PROVIDER_ARN, SAML_SESSION_NAME,
#   KEYCLOAK_ID_TOKEN, WEB_IDENTITY_ROLE_ARN, WEB_IDENTITY_SUBJECT
# Usage: scripts/cli-keycloak.sh http://localhost:9080
set -euo pipefail
endpoint=${1:?usage: cli-keycloak.sh ENDPOINT}
aws_cli=${AWS_CLI:-/usr/bin/aws}
export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
: "${KEYCLOAK_SAML_RESPONSE:?}" "${SAML_ROLE_ARN:?}" "${SAML_PROVIDER_ARN:?}" "${SAML_SESSION_NAME:?}"
: "${KEYCLOAK_ID_TOKEN:?}" "${WEB_IDENTITY_ROLE_ARN:?}" "${WEB_IDENTITY_SUBJECT:?}"
fail() { echo "cli-keycloak: FAILED: $*" >&2; exit 1; }
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
# The response and the token are kilobytes long: handed to the CLI from files, not the command line.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%s' "$KEYCLOAK_SAML_RESPONSE" >"$work/saml-response"
printf '%s' "$KEYCLOAK_ID_TOKEN" >"$work/id-token"

saml=$(unsigned assume-role-with-saml --role-arn "$SAML_ROLE_ARN" --principal-arn "$SAML_PROVIDER_ARN" \
  --saml-assertion "file://$work/saml-response")
saml_arn=$(field AssumedRoleUser.Arn <<<"$saml")
[[ $saml_arn == "arn:aws:sts::"*":assumed-role/${SAML_ROLE_ARN##*/}/$SAML_SESSION_NAME" ]] \
  || fail "assume-role-with-saml returned '$saml_arn'"
[[ $(field SubjectType <<<"$saml") == persistent ]] || fail "Keycloak's persistent NameID was not returned"
[[ $(caller_arn "$saml") == "$saml_arn" ]] || fail "the SAML session is not the assumed role"
echo "cli-keycloak: assume-role-with-saml issued $saml_arn"

web=$(unsigned assume-role-with-web-identity --role-arn "$WEB_IDENTITY_ROLE_ARN" \
  --role-session-name cli-keycloak --web-identity-token "file://$work/id-token")
web_arn=$(field AssumedRoleUser.Arn <<<"$web")
[[ $web_arn == "arn:aws:sts::"*":assumed-role/${WEB_IDENTITY_ROLE_ARN##*/}/cli-keycloak" ]] \
  || fail "assume-role-with-web-identity returned '$web_arn'"
[[ $(field SubjectFromWebIdentityToken <<<"$web") == "$WEB_IDENTITY_SUBJECT" ]] || fail "the token's subject was not returned"
[[ $(caller_arn "$web") == "$web_arn" ]] || fail "the web identity session is not the assumed role"
echo "cli-keycloak: assume-role-with-web-identity issued $web_arn"
echo "cli-keycloak: passed"
