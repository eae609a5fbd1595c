#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster on 127.0.0.1 and PORTBENCH_TEST_POSTGRES_URL pointing at it:
# installs Debian's postgresql when missing, initialises a cluster in a temporary folder as an unprivileged user
# (the `postgres` user when run as root), starts it on a free port, runs "$@", then stops it and removes the folder.
# Usage: bash ci/with-postgres.sh COMMAND [ARGS...]
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "with-postgres: installing Debian's postgresql" >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
DIR=$(mktemp -d /tmp/portbench-pg.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
PASSWORD=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
echo "$PASSWORD" >"$DIR/pwfile"
[ "$(id -u)" -eq 0 ] && chown -R postgres "$DIR"
as_owner "$BIN/initdb" -D "$DIR/data" -U portbench --auth=scram-sha-256 --pwfile="$DIR/pwfile" >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log" >&2; exit 1; }
rm -f "$DIR/pwfile"
stop() {
  as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT
as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=on -c synchronous_commit=on" start >/dev/null \
  || { cat "$DIR/server.log" >&2; exit 1; }
PGPASSWORD="$PASSWORD" "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U portbench -d postgres -qc "CREATE DATABASE portbench_test" >/dev/null
export PORTBENCH_TEST_POSTGRES_URL="postgres://portbench:$PASSWORD@127.0.0.1:$PORT/portbench_test?sslmode=disable"
echo "with-postgres: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (cluster $DIR)" >&2
set +e
"$@"
status=$?
set -e
exit $status
