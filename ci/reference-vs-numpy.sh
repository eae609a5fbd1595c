#!/usr/bin/env bash
# Speed goals of the CPU reference (issue 12) on the anchor layer, Workloads/anchor-layer.yaml (a synthetic decoder
# layer: hidden 1024, 16 heads, FFN 4096 gelu-tanh without gate, pre-RMSNorm, no biases, no position encoding;
# prefill of 128 tokens, fp32):
#   1. the reference is faster than the same layer written in plain NumPy (benchmarks/numpy_anchor_layer.py):
#      reference median / NumPy median < 1.0;
#   2. the reference is within 10% of its own GEMMs: reference median / the GEMM-only time of the layer
#      (cases[0].ceiling.compute_seconds: the layer's GEMMs at the rates portbench calibrates) ≤ 1.10.
# Both are measured in one invocation, interleaved (portbench, NumPy, portbench, NumPy, ...; ROUNDS rounds, default 3,
# REPS timed runs each, default 21), and the best median of each side is compared, so that a burst of load on the
# machine does not decide the outcome; the GEMM-only time is the smallest any round measured (the fastest GEMM
# rates seen, the strict choice). NumPy comes from PyPI, pinned, in .cache/numpy-venv (made when missing), unless
# PYTHON names a Python with NumPy. Prints the CPU, the OpenBLAS core portbench used and NumPy's BLAS, since
# both sides depend on them. Exits 0 when both goals hold, 1 when either misses, 2 when the set-up fails.
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${REPS:-21}
ROUNDS=${ROUNDS:-3}
NUMPY_VERSION=2.4.6
VENV=.cache/numpy-venv
B=.build/release/portbench
if [ -n "${PYTHON:-}" ]; then
  PY=$PYTHON
else
  PY=$VENV/bin/python
  if [ ! -x "$PY" ] || [ "$("$PY" -c 'import numpy; print(numpy.__version__)' 2>/dev/null)" != "$NUMPY_VERSION" ]; then
    { python3 -m venv "$VENV" && "$VENV/bin/pip" install -q "numpy==$NUMPY_VERSION"; } \
      || { echo "reference-vs-numpy: could not install numpy==$NUMPY_VERSION into $VENV" >&2; exit 2; }
  fi
fi
"$PY" -c "import numpy" 2>/dev/null || { echo "reference-vs-numpy: $PY has no NumPy" >&2; exit 2; }
[ -x "$B" ] || swift build -c release --product portbench \
  || { echo "reference-vs-numpy: building portbench failed" >&2; exit 2; }
WORK=$(mktemp -d /tmp/reference-vs-numpy.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
for round in $(seq 1 "$ROUNDS"); do
  "$B" run anchor-layer --backend cpu --repetitions "$REPS" --warmup 3 --out "$WORK/pb$round.json" \
    >"$WORK/pb$round.log" 2>&1 \
    || { cat "$WORK/pb$round.log" >&2; echo "reference-vs-numpy: portbench run failed" >&2; exit 2; }
  "$PY" benchmarks/numpy_anchor_layer.py --warmup 3 --repetitions "$REPS" >"$WORK/np$round.json" \
    || { echo "reference-vs-numpy: the NumPy layer failed" >&2; exit 2; }
done
python3 - "$WORK" "$ROUNDS" <<'PY'
import json, sys
work, rounds = sys.argv[1], int(sys.argv[2])
pb, gemm, npm = [], [], []
for r in range(1, rounds + 1):
    d = json.load(open(f"{work}/pb{r}.json"))
    try:
        case = d["cases"][0]
        pb.append(case["stats"]["median"])
        gemm.append(case["ceiling"]["compute_seconds"])
    except (KeyError, IndexError, TypeError) as e:
        print(f"reference-vs-numpy: round {r}: the result has no {e}", file=sys.stderr)
        sys.exit(2)
    n = json.load(open(f"{work}/np{r}.json"))
    npm.append(n["median_s"])
    print(f"round {r}: reference {pb[-1]*1e3:.2f} ms (GEMM-only {gemm[-1]*1e3:.2f} ms, "
          f"×{pb[-1]/gemm[-1]:.3f}), NumPy {npm[-1]*1e3:.2f} ms")
m = d["machine"]
blas = m.get("openblas", {})
print(f"CPU: {m.get('cpu_model', '?')}, {m.get('cores', '?')} cores")
print(f"portbench OpenBLAS: core {blas.get('corename', '?')} ({blas.get('core_source', '?')}), "
      f"{blas.get('threads', '?')} threads, {blas.get('version', '?')}")
print(f"NumPy {n['numpy']}: {n['blas']}")
ref, num, g = min(pb), min(npm), min(gemm)
print(f"reference median {ref*1e3:.2f} ms (best of {rounds}), NumPy median {num*1e3:.2f} ms (best of {rounds}), "
      f"GEMM-only {g*1e3:.2f} ms (smallest of {rounds})")
vs_numpy, vs_gemm = ref / num, ref / g
ok1, ok2 = vs_numpy < 1.0, vs_gemm <= 1.10
print(f"reference / NumPy    = {vs_numpy:.3f} (goal < 1.0)  {'ok' if ok1 else 'MISSED'}")
print(f"reference / GEMM-only = {vs_gemm:.3f} (goal ≤ 1.10) {'ok' if ok2 else 'MISSED'}")
sys.exit(0 if ok1 and ok2 else 1)
PY
