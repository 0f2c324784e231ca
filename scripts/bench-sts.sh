#!/usr/bin/env bash
# Load benchmark (not a test): wrk with 16 connections against presigned GET URLs (SigV4 in the
# query) for STS GetCallerIdentity and AssumeRole, on a running Gatehouse. Prints wrk's requests/s
# and latency percentiles. Expects AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY of an administrator.
# Needs wrk and Debian's awscli (its bundled botocore presigns the URLs). With SERVER_PID set to the
# server's process id it also prints the server's CPU time per request (user + system), a figure that
# depends less on what else the machine is doing than requests per second.
# Usage: [SERVER_PID=<pid>] scripts/bench-sts.sh http://localhost:9080 [seconds]
set -euo pipefail
endpoint=${1:?usage: bench-sts.sh ENDPOINT [SECONDS]}
seconds=${2:-30}
aws_cli=${AWS_CLI:-/usr/bin/aws}
export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""

account=$("$aws_cli" --endpoint-url "$endpoint" --output text sts get-caller-identity --query Account)
caller=$("$aws_cli" --endpoint-url "$endpoint" --output text sts get-caller-identity --query Arn)
role="bench-$(date +%s)"
"$aws_cli" --endpoint-url "$endpoint" iam create-role --role-name "$role" --assume-role-policy-document \
  "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"$caller\"},\"Action\":\"sts:AssumeRole\"}]}" >/dev/null

read -r identity_url assume_url < <(/usr/bin/python3 - "$endpoint" "arn:aws:iam::$account:role/$role" <<'PY'
import os, sys
from awscli.botocore.session import Session
session = Session()
session.set_credentials(os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"])
sts = session.create_client("sts", region_name="us-east-1", endpoint_url=sys.argv[1])
identity = sts.generate_presigned_url("get_caller_identity", Params={}, ExpiresIn=3600, HttpMethod="GET")
assume = sts.generate_presigned_url("assume_role", Params={"RoleArn": sys.argv[2], "RoleSessionName": "bench"},
                                    ExpiresIn=3600, HttpMethod="GET")
print(identity, assume)
PY
)
curl -sf "$identity_url" | grep -q "<Arn>$caller</Arn>" || { echo "the presigned GetCallerIdentity URL does not work" >&2; exit 1; }
curl -sf "$assume_url" | grep -q "<AccessKeyId>ASIA" || { echo "the presigned AssumeRole URL does not work" >&2; exit 1; }

server_cpu_ticks() {
  [[ -n ${SERVER_PID:-} ]] && awk '{print $14 + $15}' "/proc/$SERVER_PID/stat" || echo 0
}

for name in GetCallerIdentity AssumeRole; do
  url=$identity_url
  [[ $name == AssumeRole ]] && url=$assume_url
  wrk -t2 -c16 -d30s "$url" >/dev/null   # warm-up: JIT, caches, connection pools
  echo "== $name: wrk -t2 -c16 -d${seconds}s --latency (presigned GET)"
  before=$(server_cpu_ticks)
  result=$(wrk -t2 -c16 -d"${seconds}s" --latency "$url")
  after=$(server_cpu_ticks)
  echo "$result"
  if [[ -n ${SERVER_PID:-} ]]; then
    requests=$(echo "$result" | grep -oP '^\s+\K\d+(?= requests in)')
    echo "server CPU per request: $(( (after - before) * 1000000 / $(getconf CLK_TCK) / requests )) us"
  fi
done
"$aws_cli" --endpoint-url "$endpoint" iam delete-role --role-name "$role"
