#!/usr/bin/env bash
# Start a throwaway PostgreSQL 15 for the tests and print the variables that point them at it.
# initdb refuses root, so as root the server runs as the `postgres` user.
# Usage: eval "$(bash .ci/postgres.sh)"   ... then, if it says it started one:
#        bash .ci/postgres.sh stop         (.ci/run does this when it exits)
set -euo pipefail
BIN=/usr/lib/postgresql/15/bin
PORT=${FACTCHECK_TEST_PG_PORT:-54329}
DATA=${FACTCHECK_TEST_PG_DATA:-/tmp/factcheck-pg-$PORT}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "${1:-start}" = stop ]; then
  as_pg "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
  rm -rf "$DATA"
  exit 0
fi
STARTED=0
if ! as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  rm -rf "$DATA"; mkdir -p "$DATA"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$DATA"
  as_pg "$BIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 >/dev/null
  as_pg "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
    -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" \
    start >/dev/null
  STARTED=1
fi
echo "export FACTCHECK_TEST_PG=127.0.0.1:$PORT:postgres FACTCHECK_TEST_PG_STARTED=$STARTED"
