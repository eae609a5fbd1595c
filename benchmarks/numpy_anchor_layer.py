#!/usr/bin/env python3
"""Times a plain NumPy (fp32) version of Workloads/anchor-layer.yaml on the CPU, with the same repetition policy
portbench uses (warm-up runs, then timed runs; median reported). Used by ci/reference-vs-numpy.sh.

The layer: hidden 1024, 16 heads (head_dim 64), FFN 4096 with gelu-tanh (GPT-2's gelu_new) and no gate,
pre-RMSNorm (eps 1e-6, weight only), no biases, no position encoding, causal self-attention, residual adds after
o_proj and after down_proj; one prefill of 128 tokens at batch 1. Weights are laid out like PyTorch Linear weights,
(out, in), and applied as x @ W.T; they are random (normal(0, 0.02) from default_rng(0)), which does not change
the time of a dense fp32 layer.

It is written the way a competent NumPy user would write it for speed, not to mirror portbench: everything fp32,
Q, K and V as one GEMM, the heads as one batched matmul, the softmax scale folded into Q, in-place element-wise
work. --check compares it with a naive float64 version (loops over heads and positions) on a short random input
and exits 1 when the relative L2 error is above 1e-5."""
import argparse
import ctypes
import glob
import json
import math
import os
import sys
import time

import numpy as np

H, NH, F, S, EPS = 1024, 16, 4096, 128, 1e-6
D = H // NH
GELU_C = np.float32(math.sqrt(2.0 / math.pi))


def make_params(rng, norm_weights=False):
    """PyTorch-layout weights (out, in), fp32. Norm weights are ones unless norm_weights (used by --check)."""
    shapes = {"wq": (H, H), "wk": (H, H), "wv": (H, H), "wo": (H, H), "w_up": (F, H), "w_down": (H, F)}
    p = {k: rng.normal(0, 0.02, s).astype(np.float32) for k, s in shapes.items()}
    for n in ("n1", "n2"):
        p[n] = (1 + rng.normal(0, 0.1, H) if norm_weights else np.ones(H)).astype(np.float32)
    return p


class Layer:
    """The fp32 layer. Set-up work that does not depend on the input (fusing Q/K/V, the causal mask) is done once."""

    def __init__(self, p, seq):
        self.p = p
        self.w_qkv = np.concatenate([p["wq"], p["wk"], p["wv"]])          # (3H, H): one GEMM for Q, K and V
        self.mask = np.triu(np.full((seq, seq), -np.inf, np.float32), 1)  # 0 on and below the diagonal
        self.seq = seq

    @staticmethod
    def rms(x, w):
        r = np.einsum("sh,sh->s", x, x)                 # sum of squares per token
        r *= 1.0 / H
        r += EPS
        np.sqrt(r, out=r)
        return (x / r[:, None]) * w

    def __call__(self, x):
        p, s = self.p, self.seq
        # attention
        h = self.rms(x, p["n1"])
        qkv = h @ self.w_qkv.T                          # (S, 3H)
        q, k, v = (qkv[:, i * H:(i + 1) * H].reshape(s, NH, D).transpose(1, 0, 2) for i in range(3))  # (NH, S, D)
        q = q * np.float32(1.0 / math.sqrt(D))
        a = q @ k.transpose(0, 2, 1)                    # (NH, S, S) scores
        a += self.mask
        a -= a.max(axis=-1, keepdims=True)
        np.exp(a, out=a)
        a /= a.sum(axis=-1, keepdims=True)
        o = (a @ v).transpose(1, 0, 2).reshape(s, H)    # (S, H), heads side by side
        x = x + o @ p["wo"].T
        # feed-forward: down(gelu_new(up(h)))
        h = self.rms(x, p["n2"])
        u = h @ p["w_up"].T                             # (S, F)
        t = u * u                                       # t = 0.5 * u * (1 + tanh(c * (u + 0.044715 u^3)))
        t *= 0.044715
        t += 1
        t *= u
        t *= GELU_C
        np.tanh(t, out=t)
        t += 1
        t *= 0.5
        t *= u
        x += t @ p["w_down"].T
        return x


def naive_layer(p, x):
    """float64, written out step by step, one head and one query position at a time."""
    p = {k: v.astype(np.float64) for k, v in p.items()}
    x = x.astype(np.float64)
    s = x.shape[0]

    def rms(x, w):
        out = np.empty_like(x)
        for i in range(s):
            out[i] = x[i] / math.sqrt(np.dot(x[i], x[i]) / H + EPS) * w
        return out

    h = rms(x, p["n1"])
    q, k, v = h @ p["wq"].T, h @ p["wk"].T, h @ p["wv"].T
    attn = np.zeros((s, H))
    for head in range(NH):
        cols = slice(head * D, (head + 1) * D)
        for i in range(s):
            scores = np.array([np.dot(q[i, cols], k[j, cols]) / math.sqrt(D) for j in range(i + 1)])
            w = np.exp(scores - scores.max())
            w /= w.sum()
            for j in range(i + 1):
                attn[i, cols] += w[j] * v[j, cols]
    x = x + attn @ p["wo"].T
    h = rms(x, p["n2"])
    u = h @ p["w_up"].T
    g = 0.5 * u * (1 + np.tanh(math.sqrt(2 / math.pi) * (u + 0.044715 * u ** 3)))
    return x + g @ p["w_down"].T


def blas_info():
    """The BLAS numpy was built with, e.g. 'scipy-openblas 0.3.31.188.0 (OpenBLAS ... Haswell MAX_THREADS=64)',
    plus the core and thread count OpenBLAS chose at run time when its library can be asked."""
    line = "unknown"
    try:
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        line = f"{blas.get('name', '?')} {blas.get('version', '?')}"
        if blas.get("openblas configuration"):
            line += f" ({blas['openblas configuration']})"
    except Exception:  # older numpy: no mode='dicts'
        pass
    libs = glob.glob(os.path.join(os.path.dirname(np.__file__), os.pardir, "numpy.libs", "lib*openblas*.so*"))
    for lib in libs:
        try:
            dll = ctypes.CDLL(lib)
        except OSError:
            continue
        for suffix in ("64_", ""):
            try:
                core = getattr(dll, "scipy_openblas_get_corename" + suffix)
                threads = getattr(dll, "scipy_openblas_get_num_threads" + suffix)
            except AttributeError:
                continue
            core.restype = ctypes.c_char_p
            line += f"; core {core().decode()}, {threads()} threads"
            return line
    return line


def check():
    rng = np.random.default_rng(1)
    p = make_params(rng, norm_weights=True)
    seq = 16
    x = rng.normal(0, 1, (seq, H)).astype(np.float32)
    got = Layer(p, seq)(x).astype(np.float64)
    want = naive_layer(p, x)
    err = np.linalg.norm(got - want) / np.linalg.norm(want)
    # the same on the layer's own contribution (output minus input), which the residual does not dilute
    delta = np.linalg.norm(got - want) / np.linalg.norm(want - x)
    print(f"check: seq {seq}, relative L2 error {err:.3e} (limit 1e-5), of the layer's update {delta:.3e}")
    return 0 if err <= 1e-5 else 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--repetitions", type=int, default=20)
    ap.add_argument("--check", action="store_true", help="compare with a naive float64 version and exit")
    args = ap.parse_args()
    if args.check:
        sys.exit(check())
    rng = np.random.default_rng(0)
    p = make_params(rng)
    x = rng.normal(0, 1, (S, H)).astype(np.float32)
    f = Layer(p, S)
    for _ in range(args.warmup):
        f(x)
    samples = []
    for _ in range(args.repetitions):
        t0 = time.perf_counter()
        f(x)
        samples.append(time.perf_counter() - t0)
    print(json.dumps({"numpy": np.__version__, "blas": blas_info(), "median_s": float(np.median(samples)),
                      "min_s": min(samples), "samples_s": samples}))


if __name__ == "__main__":
    main()
