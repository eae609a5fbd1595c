#!/usr/bin/env bash
# Measures this machine's run-to-run noise the way the nightly job meets it:
#   1. an interleaved A/A experiment: the same release binary under two names, `portbench ab` for ROUNDS rounds
#      (A B, B A, …) on SUITE, every run a fresh process; the comparison must find no regression;
#   2. a noise profile from all 2 x ROUNDS runs: Baselines/noise/<machine kind>.json (`portbench noise --from`);
#   3. the fixture the decision rule's tests fit their noise generator to:
#      Tests/RegressionTests/Fixtures/aa-rounds-<machine kind>.json (every raw sample of every round and side).
# Nothing is committed by the script. Usage: bash ci/measure-noise.sh [ROUNDS=10] [SUITE=nightly-ab]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-10}" SUITE="${2:-nightly-ab}"
swift build -c release --product portbench
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp .build/release/portbench "$WORK/portbench-a"
cp .build/release/portbench "$WORK/portbench-b"
B=.build/release/portbench
OUT="results/noise-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
echo "measure-noise: $(lscpu | sed -n 's/^Model name: *//p'), OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}, load $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s)
set +e
"$B" ab --a "$WORK/portbench-a" --b "$WORK/portbench-b" "$SUITE" --rounds "$ROUNDS" --keep "$OUT/rounds" \
  --format json --out "$OUT/aa-comparison.json"
status=$?
set -e
echo "measure-noise: A/A interleaved comparison exited $status (0 expected) after $(( $(date +%s) - start )) s"
FROM=()
for f in "$OUT"/rounds/round-*.json; do FROM+=(--from "$f"); done
# --save writes the profile where `compare --noise auto` looks for it; its name is the machine kind.
# The saved copy is written after --out, so it is the last "wrote" line.
PROFILE=$("$B" noise "${FROM[@]}" --out "$OUT/noise.json" --save 2>&1 >/dev/null | sed -n 's/^wrote //p' | tail -1)
KIND=$(basename "$PROFILE" .json)
python3 - "$OUT/rounds" "$ROUNDS" "$SUITE" "Tests/RegressionTests/Fixtures/aa-rounds-$KIND.json" <<'PY'
import glob, json, os, sys
folder, rounds, suite, target = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
cases = {}
machine = None
for r in range(1, rounds + 1):
    for side in ("a", "b"):
        doc = json.load(open(os.path.join(folder, f"round-{r}-{side}.json")))
        machine = doc["machine"]
        for c in doc["cases"]:
            key = (c["workload"], c["scenario"], c["backend"])
            entry = cases.setdefault(key, {"workload": key[0], "scenario": key[1], "backend": key[2], "rounds": []})
            while len(entry["rounds"]) < r:
                entry["rounds"].append({})
            entry["rounds"][r - 1][side] = [s * 1e-9 for s in c["samples_ns"]]
fixture = {
    "command": f"bash ci/measure-noise.sh {rounds} {suite}",
    "cpu_model": machine["cpu_model"], "cpu_signature": machine.get("cpu_signature"),
    "cores": machine["cores"], "openblas_core": machine["openblas"]["corename"],
    "threads": machine["openblas"]["threads"], "suite": suite, "rounds": rounds,
    "cases": [cases[k] for k in sorted(cases)],
}
json.dump(fixture, open(target, "w"), indent=1)
print(f"measure-noise: wrote {target}")
PY
echo "measure-noise: profile $PROFILE; runs and comparison in $OUT"
exit 0
