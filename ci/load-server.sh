#!/usr/bin/env bash
# Load benchmark of the results server (not a test): `portbench upload-bench` sends N copies of a real nightly result
# document (each with its own run id, gzip, through libcurl) from C concurrent clients to a local portbench-server
# with its production durability (SQLite WAL with synchronous=FULL; PostgreSQL with synchronous_commit=on), then
# reads every run back. Reports runs/s, p50/p99 latency and the stored count, per database, and checks the goal on
# SQLite: >= 500 runs/s with p99 < 100 ms. Two real documents from this machine are shipped (--document picks one):
#   Tests/ResultsServerTests/Fixtures/nightly-run.json       the nightly suite, 34 cases, 94 KB (ci/nightly.sh)
#   Tests/ResultsServerTests/Fixtures/nightly-ab-round.json  one round of nightly-ab, 8 cases, 24 KB
#                                                            (ci/nightly.sh --ab uploads 20 of these a night)
#   bash ci/load-server.sh [--runs 2000] [--clients 32] [--database sqlite|postgres|both] [--document F] [--enforce]
# Figures go to reports/load-<database>.json. --enforce exits 3 when the SQLite goal is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=2000 CLIENTS=32 DATABASES=both ENFORCE=0
DOC=Tests/ResultsServerTests/Fixtures/nightly-run.json
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --clients) CLIENTS="$2"; shift 2 ;;
    --database) DATABASES="$2"; shift 2 ;;
    --document) DOC="$2"; shift 2 ;;
    --enforce) ENFORCE=1; shift ;;
    *) echo "load-server.sh: unknown option $1 (see its header)" >&2; exit 2 ;;
  esac
done
if [ "${1:-}" != "--inner" ] && [ -z "${LOAD_INNER:-}" ]; then
  bash ci/install-deps.sh >/dev/null
  swift build -c release --product portbench
  swift build -c release --product portbench-server
fi
mkdir -p reports
WORK=$(mktemp -d /tmp/portbench-load.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
export PORTBENCH_TOKEN
PORTBENCH_TOKEN=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
echo "load $PORTBENCH_TOKEN" >"$WORK/tokens"

run_one() { # $1: sqlite|postgres
  local db=$1 args=(--data "$WORK/data-$1" --tokens "$WORK/tokens" --port 0)
  [ "$db" = postgres ] && args+=(--database "$PORTBENCH_TEST_POSTGRES_URL")
  LOG_LEVEL=warning .build/release/portbench-server "${args[@]}" >"$WORK/server-$db.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 100); do grep -q "listening on" "$WORK/server-$db.log" && break; sleep 0.1; done
  local url
  url=$(grep -o 'listening on http://[0-9.]*:[0-9]*' "$WORK/server-$db.log" | sed 's/listening on //')
  echo "load-server: $db at $url, $RUNS runs of $DOC from $CLIENTS clients"
  local status=0
  .build/release/portbench upload-bench "$DOC" --endpoint "$url" --runs "$RUNS" --clients "$CLIENTS" \
    --json "reports/load-$db.json" || status=$?
  local stored
  stored=$(curl -s "$url/healthz" | python3 -c 'import json,sys; print(json.load(sys.stdin)["runs"])')
  echo "load-server: $db: the server holds $stored runs (expected $RUNS)"
  kill "$pid"; wait "$pid" || true
  [ "$stored" = "$RUNS" ] || status=1
  return $status
}

status=0
case "$DATABASES" in
  sqlite|both) run_one sqlite || status=$? ;;
esac
case "$DATABASES" in
  postgres|both)
    if [ -n "${PORTBENCH_TEST_POSTGRES_URL:-}" ]; then run_one postgres || status=$?
    else LOAD_INNER=1 bash ci/with-postgres.sh bash ci/load-server.sh --runs "$RUNS" --clients "$CLIENTS" \
      --database postgres --document "$DOC" || status=$?; fi ;;
esac
if [ "$DATABASES" != postgres ]; then
  python3 - "$ENFORCE" <<'PY' || status=3
import json, sys
r = json.load(open("reports/load-sqlite.json"))
rate, p99 = r["runs_per_second"], r["latency_p99_ms"]
ok = rate >= 500 and p99 < 100 and r["verified"] == r["runs"]
print(f"load-server: SQLite goal (>= 500 runs/s, p99 < 100 ms): {'PASS' if ok else 'MISSED'} "
      f"({rate:.0f} runs/s, p50 {r['latency_p50_ms']:.1f} ms, p99 {p99:.1f} ms, {r['verified']}/{r['runs']} read back)")
sys.exit(0 if ok or sys.argv[1] == "0" else 1)
PY
fi
exit $status
