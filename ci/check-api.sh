#!/usr/bin/env bash
# The results server against its own OpenAPI file (docs/openapi.yaml): installs schemathesis from PyPI into a
# virtual environment (.cache/schemathesis-venv), starts portbench-server on 127.0.0.1 with a throwaway SQLite
# store and token, stores a real result document, then runs every operation with generated and malformed requests.
# Fails on any 5xx, any response that does not match the documented schema, status code or content type, and
# writes that pass without the token. Called by ci/test.sh after the build.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.cache/schemathesis-venv
SCHEMATHESIS_VERSION=4.32.5
if [ ! -x "$VENV/bin/st" ] || ! "$VENV/bin/st" --version | grep -q "$SCHEMATHESIS_VERSION"; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "schemathesis==$SCHEMATHESIS_VERSION"
fi
SERVER=${PORTBENCH_SERVER:-.build/debug/portbench-server}
[ -x "$SERVER" ] || swift build --product portbench-server
WORK=$(mktemp -d /tmp/portbench-api.XXXXXX)
TOKEN=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
echo "api-check $TOKEN" >"$WORK/tokens"
"$SERVER" --data "$WORK/data" --tokens "$WORK/tokens" --port 0 >"$WORK/server.log" 2>&1 &
PID=$!
cleanup() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
for _ in $(seq 1 100); do
  grep -q "listening on" "$WORK/server.log" && break
  kill -0 "$PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.1
done
URL=$(grep -o 'listening on http://[0-9.]*:[0-9]*' "$WORK/server.log" | sed 's/listening on //')
for doc in Tests/SchemaTests/Fixtures/v1-run.json Tests/SchemaTests/Fixtures/v1-run-physical.json; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' --data-binary "@$doc" "$URL/api/v1/runs")
  [ "$code" = 201 ] || { echo "api-check: seeding $doc answered $code" >&2; exit 1; }
done
# positive_data_acceptance is left out: the OpenAPI file gives the result document's top level only (its fields are
# in docs/result-schema.md), and a cursor or id the schema allows may still name nothing; such requests are refused
# with 4xx on purpose.
set +e
"$VENV/bin/st" run docs/openapi.yaml --url "$URL" -H "Authorization: Bearer $TOKEN" --checks all \
  --exclude-checks positive_data_acceptance --max-examples "${API_CHECK_EXAMPLES:-60}" --seed 20261202 \
  --report junit --report-dir "$WORK/report"
status=$?
set -e
if grep -q " 5[0-9][0-9] \|error.*internal" "$WORK/server.log"; then
  echo "api-check: the server logged errors:" >&2
  grep -i "error" "$WORK/server.log" | head -20 >&2
  status=1
fi
exit $status
