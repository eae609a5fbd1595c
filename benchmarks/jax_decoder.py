#!/usr/bin/env python3
"""Times JAX's own jitted version of Workloads/xla-bench-decoder.yaml (Llama-style layer: pre-RMSNorm, RoPE,
causal attention, SwiGLU; hidden 1024, 16 heads, FFN 4096, seq 128, fp32) on the CPU, with the same repetition
policy portbench uses (warm-up runs, then timed runs; median reported). Used by ci/xla-vs-jax.sh.

Optionally checks numerics: --input/--expected .npy files from `portbench run --dump-outputs` are not used;
the weights here are random, which does not change the time of a dense fp32 layer."""
import argparse
import json
import time

import jax
import jax.numpy as jnp
import numpy as np

jax.config.update("jax_platforms", "cpu")

H, NH, F, S, EPS, THETA = 1024, 16, 4096, 128, 1e-5, 10000.0
D = H // NH


def rms(x, w):
    return x * jax.lax.rsqrt(jnp.mean(x * x, axis=-1, keepdims=True) + EPS) * w


def rope(x, cos, sin):
    x1, x2 = x[..., : D // 2], x[..., D // 2:]
    return x * cos + jnp.concatenate([-x2, x1], -1) * sin


def layer(p, x, cos, sin):
    h = rms(x, p["n1"])
    q = (h @ p["wq"].T).reshape(S, NH, D)
    k = (h @ p["wk"].T).reshape(S, NH, D)
    v = (h @ p["wv"].T).reshape(S, NH, D)
    q, k = rope(q, cos, sin), rope(k, cos, sin)
    s = jnp.einsum("shd,thd->hst", q, k) / np.sqrt(D)
    mask = jnp.tril(jnp.ones((S, S), bool))
    s = jnp.where(mask[None], s, -jnp.inf)
    a = jnp.einsum("hst,thd->shd", jax.nn.softmax(s, axis=-1), v).reshape(S, H)
    x = x + a @ p["wo"].T
    h = rms(x, p["n2"])
    return x + (jax.nn.silu(h @ p["wg"].T) * (h @ p["wu"].T)) @ p["wd"].T


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--repetitions", type=int, default=20)
    args = ap.parse_args()
    rng = np.random.default_rng(0)
    shapes = {"wq": (H, H), "wk": (H, H), "wv": (H, H), "wo": (H, H), "wg": (F, H), "wu": (F, H), "wd": (H, F)}
    p = {k: jnp.asarray(rng.normal(0, 0.02, s), jnp.float32) for k, s in shapes.items()}
    p["n1"] = jnp.ones(H, jnp.float32)
    p["n2"] = jnp.ones(H, jnp.float32)
    x = jnp.asarray(rng.normal(0, 1, (S, H)), jnp.float32)
    inv = 1.0 / THETA ** (np.arange(0, D, 2) / D)
    ang = np.arange(S)[:, None] * inv[None]
    emb = np.concatenate([ang, ang], -1)
    cos = jnp.asarray(np.cos(emb)[:, None, :], jnp.float32)
    sin = jnp.asarray(np.sin(emb)[:, None, :], jnp.float32)
    f = jax.jit(layer)
    t0 = time.perf_counter()
    f(p, x, cos, sin).block_until_ready()
    compile_s = time.perf_counter() - t0
    for _ in range(args.warmup):
        f(p, x, cos, sin).block_until_ready()
    samples = []
    for _ in range(args.repetitions):
        t0 = time.perf_counter()
        f(p, x, cos, sin).block_until_ready()
        samples.append(time.perf_counter() - t0)
    print(json.dumps({"jax": jax.__version__, "compile_s": compile_s, "median_s": float(np.median(samples)),
                      "min_s": min(samples), "samples_s": samples}))


if __name__ == "__main__":
    main()
