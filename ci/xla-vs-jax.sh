#!/usr/bin/env bash
# Speed check of the XLA backend: portbench's XLA time for Workloads/xla-bench-decoder.yaml against JAX's own
# jitted time for the same layer, measured in one invocation (interleaved: portbench, JAX, portbench, JAX).
# Needs `pip install jax` (CPU). Prints both medians and the ratio; exits 1 when portbench is more than 10% slower.
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${REPS:-20}
PY=${PYTHON:-python3}   # a Python with JAX; e.g. PYTHON=/path/to/venv/bin/python
B=.build/release/portbench
[ -x "$B" ] || swift build -c release --product portbench
"$PY" -c "import jax" 2>/dev/null || { echo "xla-vs-jax: needs JAX (pip install jax)" >&2; exit 2; }
pb=(); jx=()
for round in 1 2; do
  out=$(mktemp)
  "$B" run xla-bench-decoder --backend xla --repetitions "$REPS" --warmup 3 --out "$out" >/dev/null 2>&1
  pb+=("$(python3 -c "import json,sys; d=json.load(open('$out')); print(d['cases'][0]['stats']['median'])")")
  jx+=("$("$PY" benchmarks/jax_decoder.py --repetitions "$REPS" | python3 -c "import json,sys; print(json.load(sys.stdin)['median_s'])")")
  rm -f "$out"
done
python3 - "${pb[@]}" "${jx[@]}" <<'PY'
import sys
v = list(map(float, sys.argv[1:])); n = len(v) // 2
pb, jx = min(v[:n]), min(v[n:])
print(f"portbench xla median {pb*1e3:.2f} ms (rounds: {', '.join(f'{x*1e3:.2f}' for x in v[:n])})")
print(f"JAX jit median       {jx*1e3:.2f} ms (rounds: {', '.join(f'{x*1e3:.2f}' for x in v[n:])})")
print(f"portbench / JAX = {pb/jx:.3f} (goal ≤ 1.10)")
sys.exit(0 if pb / jx <= 1.10 else 1)
PY
