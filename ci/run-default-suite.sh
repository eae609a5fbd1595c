#!/usr/bin/env bash
# Set up, build (release) and run the default suite: prints the table, writes results/default-<time>-<run id>.json.
# Extra arguments go to `portbench run` (e.g. --per-op, --repetitions 9, --out FILE).
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/install-deps.sh
bash ci/check-toolchain.sh
swift build -c release --product portbench
exec .build/release/portbench run "$@"
