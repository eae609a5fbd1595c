#!/usr/bin/env bash
# The nightly regression check. Installs what is missing, builds release, runs Workloads/suites/nightly.yaml (or, with
# --ab PREVIOUS, interleaves last night's commit and this one on Workloads/suites/nightly-ab.yaml), compares, writes
# reports/<commit>.md and reports/<commit>.html, and exits with the comparison's status:
#   0 no regression; 3 a regression; 4 inconclusive with --fail-on-inconclusive; 2 input error; 1 failure.
# Idempotent: a second run on the same commit replaces that commit's result and reports.
#
#   bash ci/nightly.sh                       # against the newest baseline saved for this machine (Baselines/)
#   bash ci/nightly.sh --ab HEAD~1           # interleaved A/B against the previous commit (recommended on shared runners)
#   bash ci/nightly.sh --rounds 12 --ab main # more rounds
# Extra options after `--` go to `portbench compare` / `ab` (e.g. -- --fail-on-inconclusive).
set -euo pipefail
cd "$(dirname "$0")/.."
AB="" ROUNDS=10 SUITE=nightly AB_SUITE=nightly-ab EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --ab) AB="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --suite) SUITE="$2"; shift 2 ;;
    --) shift; EXTRA=("$@"); break ;;
    *) echo "nightly.sh: unknown option $1 (see the header of ci/nightly.sh)" >&2; exit 2 ;;
  esac
done
bash ci/install-deps.sh
bash ci/check-toolchain.sh
swift build -c release --product portbench
BIN=.build/release/portbench
COMMIT=$(git rev-parse HEAD)
mkdir -p results/nightly reports
MD="reports/$COMMIT.md" HTML="reports/$COMMIT.html"
status=0
# With PORTBENCH_ENDPOINT and PORTBENCH_TOKEN set (CI secrets), `run` and `ab` upload tonight's documents themselves
# and spool them when the server cannot be reached; runs spooled on earlier nights go first. A delivery problem is
# reported on stderr and never changes this script's exit status, which stays the comparison's.
if [ -n "${PORTBENCH_ENDPOINT:-}" ]; then
  "$BIN" upload --flush-spool || echo "nightly.sh: warning: spooled runs are still undelivered (see above); they stay spooled" >&2
fi
if [ -n "$AB" ]; then
  # Last night's revision is built in its own scratch folder (.build-ab-<commit>/) and runs in its own checkout
  # (its commit, suites and device profiles); tonight's side is the release binary just built here. Rounds alternate
  # A B, B A, ...
  ROUNDS_DIR="results/ab/$COMMIT"
  rm -rf "$ROUNDS_DIR"
  "$BIN" ab --a "$AB" --b "$BIN" "$AB_SUITE" --rounds "$ROUNDS" --keep "$ROUNDS_DIR" --format md --out "$MD" \
    ${EXTRA[@]+"${EXTRA[@]}"} || status=$?
  if [ "$status" -eq 0 ] || [ "$status" -ge 3 ]; then
    ARGS=()
    for f in "$ROUNDS_DIR"/round-*-a.json; do ARGS+=(--baseline "$f"); done
    "$BIN" compare --interleaved "${ARGS[@]}" "$ROUNDS_DIR"/round-*-b.json --format html --out "$HTML" >/dev/null || true
  fi
else
  RESULT="results/nightly/$COMMIT.json"
  "$BIN" run "$SUITE" --out "$RESULT"
  BASE=$("$BIN" baseline match "$RESULT")
  if [ -z "$BASE" ]; then
    echo "nightly.sh: no baseline for this machine yet: the report has no comparison. Start one with:" >&2
    echo "nightly.sh:   $BIN baseline save $RESULT --name nightly-<machine> && git add Baselines/" >&2
    "$BIN" report "$RESULT" --history results/nightly --format md --out "$MD"
    "$BIN" report "$RESULT" --history results/nightly --format html --out "$HTML"
  else
    "$BIN" report "$RESULT" --baseline "$BASE" --history results/nightly --format html --out "$HTML" \
      ${EXTRA[@]+"${EXTRA[@]}"} || true
    "$BIN" report "$RESULT" --baseline "$BASE" --history results/nightly --format md --out "$MD" \
      --fail-on-regression ${EXTRA[@]+"${EXTRA[@]}"} || status=$?
  fi
fi
echo "nightly.sh: reports in $MD and $HTML; exit $status"
exit "$status"
