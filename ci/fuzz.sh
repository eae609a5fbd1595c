#!/usr/bin/env bash
# Fuzzes the parsers portbench reads untrusted input with: safetensors (SafeTensorsFile + tensor), .npy (NPY.read),
# YAML (WorkloadSpec, DeviceProfile and Suite parsing) and result JSON (ResultDocument.decode, the upload reader). Builds Sources/PortbenchFuzz with libFuzzer (and
# AddressSanitizer) into .build-fuzz, seeds it with small valid files (ci/fuzz/make_seeds.py), runs each parser for
# RUNS inputs with a per-input timeout and memory limits, and prints inputs run, wall time and crashes per parser.
# Exits non-zero on any crash, hang or out-of-memory; reproducers are left in .build-fuzz/work/artifacts/PARSER/.
# Replay one with a plain `swift build`: .build/debug/PortbenchFuzz PARSER FILE
# Not part of ci/test.sh (it takes minutes).
#
# Usage: bash ci/fuzz.sh [RUNS]            RUNS defaults to 1000000 per parser
# Environment: FUZZ_TARGETS="safetensors npy yaml json"   the parsers to fuzz
#              FUZZ_SANITIZERS=fuzzer,address          or "fuzzer" alone (faster, no malloc limit)
#              FUZZ_TIMEOUT=1                          seconds one input may take before it counts as a hang
#              FUZZ_RSS_MB=2048  FUZZ_MALLOC_MB=2048   memory limits (process RSS; one allocation)
#              FUZZ_SEED=N                             libFuzzer's seed (default: random, printed)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-${FUZZ_RUNS:-1000000}}
TARGETS=${FUZZ_TARGETS:-safetensors npy yaml json}
SANITIZERS=${FUZZ_SANITIZERS:-fuzzer,address}
TIMEOUT=${FUZZ_TIMEOUT:-1}
RSS_MB=${FUZZ_RSS_MB:-2048}
MALLOC_MB=${FUZZ_MALLOC_MB:-2048}
SCRATCH=.build-fuzz
WORK=$SCRATCH/work

# C code (libyaml inside Yams) gets the same coverage instrumentation as the Swift code.
CC_SAN=${SANITIZERS/fuzzer/fuzzer-no-link}
echo "== building PortbenchFuzz (release, -sanitize=$SANITIZERS)"
swift build -c release -j 1 --scratch-path "$SCRATCH" --product PortbenchFuzz \
    -Xswiftc "-sanitize=$SANITIZERS" -Xswiftc -DPORTBENCH_LIBFUZZER -Xcc "-fsanitize=$CC_SAN" 2>&1 \
    | grep -v -e '^\[' -e "Cannot export local symbol '__asan_extra_spill_area'" || true
BIN=$SCRATCH/release/PortbenchFuzz
[ -x "$BIN" ] || { echo "fuzz.sh: the build produced no $BIN" >&2; exit 1; }

python3 ci/fuzz/make_seeds.py "$WORK/seeds"

declare -A MAX_LEN=([safetensors]=8192 [npy]=4096 [yaml]=4096 [json]=16384)
failed=0
summary=()
for t in $TARGETS; do
    corpus=$WORK/corpus/$t artifacts=$WORK/artifacts/$t log=$WORK/$t.log
    rm -rf "$corpus" "$artifacts"
    mkdir -p "$corpus" "$artifacts"
    seed_flag=()
    [ -n "${FUZZ_SEED:-}" ] && seed_flag=(-seed="$FUZZ_SEED")
    echo "== fuzzing $t: $RUNS inputs, -timeout=$TIMEOUT s, -rss_limit_mb=$RSS_MB, -malloc_limit_mb=$MALLOC_MB (log: $log)"
    start=$(date +%s.%N)
    rc=0
    # Swift's own backtracer would take the crash signal before libFuzzer could save the input.
    PORTBENCH_FUZZ_TARGET=$t SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} \
        "$BIN" "${seed_flag[@]}" -runs="$RUNS" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB" -malloc_limit_mb="$MALLOC_MB" \
        -max_len="${MAX_LEN[$t]}" -dict="ci/fuzz/$t.dict" -artifact_prefix="$artifacts/" -print_final_stats=1 \
        "$corpus" "$WORK/seeds/$t" >"$log" 2>&1 || rc=$?
    wall=$(echo "$(date +%s.%N) - $start" | bc)
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    crashes=$(find "$artifacts" -type f | wc -l)
    line=$(printf '%-12s inputs run: %-9s wall: %7.1f s   crashes/hangs/OOMs: %s   (exit %s, %s)' \
        "$t" "${runs:-?}" "$wall" "$crashes" "$rc" "$(grep -m1 '^INFO: Seed:' "$log" | sed 's/INFO: //')")
    echo "$line"
    summary+=("$line")
    if [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ] || [ "${runs:-0}" -lt "$RUNS" ]; then
        failed=1
        grep -E -m5 'ERROR: |SUMMARY: |Fatal error|Test unit written' "$log" || tail -20 "$log"
        find "$artifacts" -type f -exec echo "reproducer: {}" \;
    fi
done

echo "== summary"
printf '%s\n' "${summary[@]}"
[ "$failed" -eq 0 ] || { echo "fuzz.sh: FAILED (see the reproducers above)"; exit 1; }
echo "fuzz.sh: no crash, hang or out-of-memory"
