#!/usr/bin/env python3
"""Independent NumPy (float64) implementation of the Hugging Face layer semantics portbench claims to match.

Writes, per fixture: a safetensors checkpoint with Hugging Face tensor names and layouts (layer index 3, plus a
decoy layer 2), the input, for decode the KV cache, and the expected output. The configurations equal
Workloads/tiny-*.yaml. Re-run with `python3 make_fixtures.py` (needs only numpy); tests never need NumPy.
"""
import json
import os
import struct

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
LAYER = 3


# ---------- safetensors ----------

def bf16_bits(a):
    """Round float32 to bfloat16 (round to nearest even) and return the 16-bit patterns."""
    u = np.asarray(a, dtype=np.float32).view(np.uint32).astype(np.uint64)
    rounded = (u + 0x7FFF + ((u >> 16) & 1)) >> 16
    return rounded.astype(np.uint16)


def as_stored(a, dtype):
    """The float64 values a tensor has after being stored in `dtype` (what the Swift loader will see)."""
    if dtype == "F32":
        return np.asarray(a, np.float32).astype(np.float64)
    if dtype == "F16":
        return np.asarray(a, np.float16).astype(np.float64)
    bits = bf16_bits(a).astype(np.uint32) << 16
    return bits.view(np.float32).astype(np.float64)


def write_safetensors(path, tensors, dtype):
    header, blobs, offset = {}, [], 0
    for name, a in tensors.items():
        if dtype == "F32":
            raw = np.asarray(a, "<f4").tobytes()
        elif dtype == "F16":
            raw = np.asarray(a, "<f2").tobytes()
        else:
            raw = bf16_bits(a).astype("<u2").tobytes()
        header[name] = {"dtype": dtype, "shape": list(a.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    header["__metadata__"] = {"format": "pt", "made_by": "portbench make_fixtures.py"}
    text = json.dumps(header).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)


def write_npy(path, a):
    np.save(path, np.asarray(a, np.float32))


# ---------- layer semantics (Hugging Face transformers, in float64) ----------

def rms_norm(x, w, eps):
    return x / np.sqrt((x * x).mean(-1, keepdims=True) + eps) * w


def layer_norm(x, w, b, eps):
    m = x.mean(-1, keepdims=True)
    v = ((x - m) ** 2).mean(-1, keepdims=True)
    return (x - m) / np.sqrt(v + eps) * w + b


def gelu(x):
    from math import erf
    return 0.5 * x * (1 + np.vectorize(erf)(x / np.sqrt(2)))


def gelu_tanh(x):
    return 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x ** 3)))


def silu(x):
    return x / (1 + np.exp(-x))


def rope(x, positions, theta):
    """x [B,S,H,D]; rotate_half convention."""
    d = x.shape[-1]
    inv = 1.0 / theta ** (np.arange(0, d, 2) / d)
    freqs = positions[:, None] * inv[None, :]
    emb = np.concatenate([freqs, freqs], -1)
    cos, sin = np.cos(emb)[None, :, None, :], np.sin(emb)[None, :, None, :]
    x1, x2 = x[..., : d // 2], x[..., d // 2:]
    rot = np.concatenate([-x2, x1], -1)
    return x * cos + rot * sin


def attention(q, k, v, causal, offset):
    """q [B,S,H,D], k/v [B,T,KVH,D] -> [B,S,H*D]; repeat_kv for grouped-query attention."""
    b, s, h, d = q.shape
    t, kvh = k.shape[1], k.shape[2]
    k = np.repeat(k, h // kvh, axis=2)
    v = np.repeat(v, h // kvh, axis=2)
    scores = np.einsum("bshd,bthd->bhst", q, k) / np.sqrt(d)
    if causal:
        mask = np.arange(t)[None, :] > (offset + np.arange(s))[:, None]
        scores = np.where(mask[None, None], -np.inf, scores)
    scores -= scores.max(-1, keepdims=True)
    p = np.exp(scores)
    p /= p.sum(-1, keepdims=True)
    return np.einsum("bhst,bthd->bshd", p, v).reshape(b, s, h * d)


def linear(x, w, b=None):
    y = x @ w.T
    return y if b is None else y + b


def self_attention(cfg, W, x, cache, offset):
    B, S, _ = x.shape
    H, KVH, D = cfg["heads"], cfg["kv_heads"], cfg["head_dim"]
    q = linear(x, W["q.weight"], W.get("q.bias")).reshape(B, S, H, D)
    k = linear(x, W["k.weight"], W.get("k.bias")).reshape(B, S, KVH, D)
    v = linear(x, W["v.weight"], W.get("v.bias")).reshape(B, S, KVH, D)
    if cfg.get("theta"):
        pos = np.arange(offset, offset + S, dtype=np.float64)
        q, k = rope(q, pos, cfg["theta"]), rope(k, pos, cfg["theta"])
    kc, vc = cache
    kc = np.concatenate([kc, k], 1) if kc is not None else k
    vc = np.concatenate([vc, v], 1) if vc is not None else v
    ctx = attention(q, kc, vc, cfg["kind"] != "encoder", offset)
    return linear(ctx, W["o.weight"], W.get("o.bias"))


def moe(cfg, W, x):
    E, K = cfg["experts"], cfg["top_k"]
    logits = x @ W["router.weight"].T
    p = np.exp(logits - logits.max(-1, keepdims=True))
    p /= p.sum(-1, keepdims=True)
    out = np.zeros_like(x)
    for idx in np.ndindex(x.shape[:-1]):
        order = np.argsort(-p[idx], kind="stable")[:K]
        wts = p[idx][order] / p[idx][order].sum()
        for e, w in zip(order, wts):
            g = x[idx] @ W[f"experts.{e}.gate.weight"].T
            u = x[idx] @ W[f"experts.{e}.up.weight"].T
            out[idx] += w * ((silu(g) * u) @ W[f"experts.{e}.down.weight"].T)
    return out


def ffn(cfg, W, x):
    if cfg["kind"] == "moe-decoder":
        return moe(cfg, W, x)
    if cfg["act"] == "swiglu":
        return linear(silu(linear(x, W["gate.weight"])) * linear(x, W["up.weight"]), W["down.weight"])
    act = gelu if cfg["act"] == "gelu" else gelu_tanh
    return linear(act(linear(x, W["up.weight"], W.get("up.bias"))), W["down.weight"], W.get("down.bias"))


def norm(cfg, W, name, x):
    if cfg["norm"] == "rmsnorm":
        return rms_norm(x, W[f"{name}.weight"], cfg["eps"])
    return layer_norm(x, W[f"{name}.weight"], W[f"{name}.bias"], cfg["eps"])


def layer(cfg, W, x, cache=(None, None), offset=0):
    if cfg["post"]:
        h = norm(cfg, W, "attn_norm", x + self_attention(cfg, W, x, cache, offset))
        return norm(cfg, W, "ffn_norm", h + ffn(cfg, W, h))
    h = x + self_attention(cfg, W, norm(cfg, W, "attn_norm", x), cache, offset)
    return h + ffn(cfg, W, norm(cfg, W, "ffn_norm", h))


# ---------- configurations (equal to Workloads/tiny-*.yaml) and Hugging Face naming ----------

CONFIGS = {
    "tiny-llama": dict(kind="decoder", hidden=32, heads=4, kv_heads=2, head_dim=8, ffn=64, act="swiglu",
                       norm="rmsnorm", eps=1e-5, post=False, bias=False, theta=10000.0, naming="llama"),
    "tiny-mixtral": dict(kind="moe-decoder", hidden=32, heads=4, kv_heads=2, head_dim=8, ffn=48, act="swiglu",
                         norm="rmsnorm", eps=1e-5, post=False, bias=False, theta=1e6, experts=4, top_k=2,
                         naming="mixtral"),
    "tiny-gpt2": dict(kind="decoder", hidden=32, heads=4, kv_heads=4, head_dim=8, ffn=128, act="gelu-tanh",
                      norm="layernorm", eps=1e-5, post=False, bias=True, theta=None, naming="gpt2"),
    "tiny-bert": dict(kind="encoder", hidden=32, heads=4, kv_heads=4, head_dim=8, ffn=128, act="gelu",
                      norm="layernorm", eps=1e-12, post=True, bias=True, theta=None, naming="bert"),
}


def canonical_weights(cfg, rng):
    hd, qd, kvd, f = cfg["hidden"], cfg["heads"] * cfg["head_dim"], cfg["kv_heads"] * cfg["head_dim"], cfg["ffn"]
    W = {}

    def lin(name, out, inp, bias):
        W[f"{name}.weight"] = rng.normal(0, 0.25, (out, inp))
        if bias:
            W[f"{name}.bias"] = rng.normal(0, 0.1, (out,))

    for n in ("attn_norm", "ffn_norm"):
        W[f"{n}.weight"] = 1 + rng.normal(0, 0.1, (hd,))
        if cfg["norm"] == "layernorm":
            W[f"{n}.bias"] = rng.normal(0, 0.1, (hd,))
    lin("q", qd, hd, cfg["bias"])
    lin("k", kvd, hd, cfg["bias"])
    lin("v", kvd, hd, cfg["bias"])
    lin("o", hd, qd, cfg["bias"])
    if cfg["kind"] == "moe-decoder":
        lin("router", cfg["experts"], hd, False)
        for e in range(cfg["experts"]):
            lin(f"experts.{e}.gate", f, hd, False)
            lin(f"experts.{e}.up", f, hd, False)
            lin(f"experts.{e}.down", hd, f, False)
    elif cfg["act"] == "swiglu":
        lin("gate", f, hd, False)
        lin("up", f, hd, False)
        lin("down", hd, f, False)
    else:
        lin("up", f, hd, cfg["bias"])
        lin("down", hd, f, cfg["bias"])
    return W


def hf_tensors(cfg, W, i, prefix):
    """Canonical weights under Hugging Face names and layouts for layer i."""
    out = {}
    naming = cfg["naming"]
    if naming in ("llama", "mixtral"):
        p = f"model.layers.{i}."
        m = {"attn_norm": "input_layernorm", "ffn_norm": "post_attention_layernorm", "q": "self_attn.q_proj",
             "k": "self_attn.k_proj", "v": "self_attn.v_proj", "o": "self_attn.o_proj", "gate": "mlp.gate_proj",
             "up": "mlp.up_proj", "down": "mlp.down_proj", "router": "block_sparse_moe.gate"}
        for name, a in W.items():
            base, leaf = name.rsplit(".", 1)
            if base.startswith("experts."):
                _, e, part = base.split(".")
                out[f"{p}block_sparse_moe.experts.{e}.{ {'gate': 'w1', 'up': 'w3', 'down': 'w2'}[part] }.{leaf}"] = a
            else:
                out[p + m[base] + "." + leaf] = a
    elif naming == "gpt2":
        p = f"h.{i}."
        out[p + "attn.c_attn.weight"] = np.concatenate([W["q.weight"], W["k.weight"], W["v.weight"]], 0).T.copy()
        out[p + "attn.c_attn.bias"] = np.concatenate([W["q.bias"], W["k.bias"], W["v.bias"]])
        for ours, theirs in (("o", "attn.c_proj"), ("up", "mlp.c_fc"), ("down", "mlp.c_proj")):
            out[f"{p}{theirs}.weight"] = W[f"{ours}.weight"].T.copy()
            out[f"{p}{theirs}.bias"] = W[f"{ours}.bias"]
        for ours, theirs in (("attn_norm", "ln_1"), ("ffn_norm", "ln_2")):
            out[f"{p}{theirs}.weight"] = W[f"{ours}.weight"]
            out[f"{p}{theirs}.bias"] = W[f"{ours}.bias"]
    else:
        p = f"encoder.layer.{i}."
        m = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
             "o": "attention.output.dense", "attn_norm": "attention.output.LayerNorm", "up": "intermediate.dense",
             "down": "output.dense", "ffn_norm": "output.LayerNorm"}
        for name, a in W.items():
            base, leaf = name.rsplit(".", 1)
            out[p + m[base] + "." + leaf] = a
    return {prefix + k: v for k, v in out.items()}


FIXTURES = [
    # (fixture, workload, batch, seq, context, dtype, prefix)
    ("llama-prefill", "tiny-llama", 2, 7, 0, "F32", ""),
    ("llama-prefill-bf16", "tiny-llama", 2, 7, 0, "BF16", ""),
    ("llama-decode", "tiny-llama", 2, 1, 9, "F32", ""),
    ("mixtral-prefill", "tiny-mixtral", 1, 5, 0, "F32", ""),
    ("mixtral-decode-f16", "tiny-mixtral", 1, 1, 6, "F16", ""),
    ("gpt2-prefill", "tiny-gpt2", 1, 6, 0, "F32", "transformer."),
    ("bert-prefill", "tiny-bert", 2, 6, 0, "F32", "bert."),
]


def main():
    for name, workload, batch, seq, context, dtype, prefix in FIXTURES:
        cfg = CONFIGS[workload]
        rng = np.random.default_rng(sum(map(ord, name)))
        W = canonical_weights(cfg, rng)
        decoy = canonical_weights(cfg, rng)
        tensors = {**hf_tensors(cfg, decoy, LAYER - 1, prefix), **hf_tensors(cfg, W, LAYER, prefix)}
        write_safetensors(os.path.join(HERE, f"{name}.safetensors"), tensors, dtype)
        Ws = {k: as_stored(v, dtype) for k, v in W.items()}
        x = rng.normal(0, 1, (batch, seq, cfg["hidden"])).astype(np.float32).astype(np.float64)
        cache = (None, None)
        if context:
            shape = (batch, context, cfg["kv_heads"], cfg["head_dim"])
            kc = rng.normal(0, 1, shape).astype(np.float32).astype(np.float64)
            vc = rng.normal(0, 1, shape).astype(np.float32).astype(np.float64)
            write_npy(os.path.join(HERE, f"{name}.k_cache.npy"), kc)
            write_npy(os.path.join(HERE, f"{name}.v_cache.npy"), vc)
            cache = (kc, vc)
        y = layer(cfg, Ws, x, cache, context)
        write_npy(os.path.join(HERE, f"{name}.input.npy"), x.reshape(batch * seq, -1))
        write_npy(os.path.join(HERE, f"{name}.expected.npy"), y.reshape(batch * seq, -1))
        print(f"{name}: {workload} batch {batch} seq {seq} context {context} {dtype}, |y| max {np.abs(y).max():.3f}")


if __name__ == "__main__":
    main()
