#!/bin/sh
# Starts a private PostgreSQL cluster for the persistence tests (idempotent) and prints the
# environment the PostgreSQL test suite reads. Debian's PostgreSQL 15 binaries, loopback only.
#   eval "$(scripts/start-test-postgres.sh)"
set -eu

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_DATA=${PG_DATA:-/tmp/pgtest}
PG_PORT=${PG_PORT:-5433}
PG_LOG=${PG_LOG:-/tmp/pgtest.log}
PG_DB=${PG_DB:-gatehouse_test}

# initdb refuses to run as root: run the server as the postgres user when we are root.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    su postgres -s /bin/sh -c "$1"
  else
    sh -c "$1"
  fi
}

if [ ! -f "$PG_DATA/PG_VERSION" ]; then
  mkdir -p "$PG_DATA"
  [ "$(id -u)" = 0 ] && chown postgres "$PG_DATA"
  as_postgres "'$PG_BIN/initdb' -D '$PG_DATA' -A trust -U postgres -E UTF8" >&2
fi

if ! as_postgres "'$PG_BIN/pg_ctl' -D '$PG_DATA' status" >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] && touch "$PG_LOG" && chown postgres "$PG_LOG"
  as_postgres "'$PG_BIN/pg_ctl' -D '$PG_DATA' -o '-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1' -l '$PG_LOG' -w start" >&2
fi

exists=$(as_postgres "'$PG_BIN/psql' -h 127.0.0.1 -p $PG_PORT -U postgres -tAc \"select 1 from pg_database where datname = '$PG_DB'\"")
if [ "$exists" != 1 ]; then
  as_postgres "'$PG_BIN/createdb' -h 127.0.0.1 -p $PG_PORT -U postgres '$PG_DB'" >&2
fi

echo "export GATEHOUSE_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DB"
echo "export GATEHOUSE_TEST_POSTGRES_USER=postgres"
echo "export GATEHOUSE_TEST_POSTGRES_PASSWORD="
