#!/usr/bin/env python3
"""Writes the fuzz seeds for ci/fuzz.sh: small valid files of each format, plus the repository's own.

Usage: make_seeds.py OUT_DIR  ->  OUT_DIR/{safetensors,npy,yaml,json}/*
Safetensors fixtures are 40-180 kB, so each is seeded as a miniature: its header (names, dtypes, rank, metadata)
with every dimension cut to at most 2, and data to match. Standard library only.
"""
import glob
import json
import os
import shutil
import struct
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WIDTHS = {"F32": 4, "F16": 2, "BF16": 2, "F64": 8, "I64": 8, "I32": 4, "U8": 1, "BOOL": 1}


def safetensors(tensors, metadata=None, pad=True):
    """tensors: [(name, dtype, shape)] -> bytes, data filled with a small ramp."""
    header, data = {}, b""
    for name, dtype, shape in tensors:
        n = 1
        for d in shape:
            n *= d
        nbytes = n * WIDTHS[dtype]
        header[name] = {"dtype": dtype, "shape": list(shape), "data_offsets": [len(data), len(data) + nbytes]}
        data += bytes((i * 7 + 60) % 256 for i in range(nbytes))
    if metadata is not None:
        header["__metadata__"] = metadata
    text = json.dumps(header, separators=(",", ":")).encode()
    if pad:
        text += b" " * (-(len(text) + 8) % 8)
    return struct.pack("<Q", len(text)) + text + data


def npy(shape, descr="<f4", version=1, fortran=False):
    shape_text = "(%d,)" % shape[0] if len(shape) == 1 else "(" + ", ".join(map(str, shape)) + ")"
    header = "{'descr': '%s', 'fortran_order': %s, 'shape': %s, }" % (descr, "True" if fortran else "False", shape_text)
    length_bytes = 2 if version == 1 else 4
    while (6 + 2 + length_bytes + len(header) + 1) % 64:
        header += " "
    header += "\n"
    n = 1
    for d in shape:
        n *= d
    width = int(descr[2:])
    out = b"\x93NUMPY" + bytes([version, 0])
    out += struct.pack("<H" if version == 1 else "<I", len(header)) + header.encode("utf-8" if version == 3 else "ascii")
    return out + bytes((i * 5 + 17) % 256 for i in range(n * width))


def raw_safetensors(header, data=b""):
    return struct.pack("<Q", len(header)) + header.encode() + data


def npy_header(header, data=b""):
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode() + data


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def main(out):
    for sub in ("safetensors", "npy", "yaml", "json"):
        shutil.rmtree(os.path.join(out, sub), ignore_errors=True)
        os.makedirs(os.path.join(out, sub))
    st = os.path.join(out, "safetensors")
    write(os.path.join(st, "f32.safetensors"), safetensors([("w", "F32", [2, 3])]))
    write(os.path.join(st, "f16.safetensors"), safetensors([("a.weight", "F16", [4]), ("a.bias", "F16", [2])]))
    write(os.path.join(st, "bf16.safetensors"), safetensors([("x", "BF16", [2, 2]), ("y", "F32", [1])], {"format": "pt"}))
    write(os.path.join(st, "scalar-empty.safetensors"), safetensors([("s", "F32", []), ("e", "F32", [0, 3])], pad=False))
    write(os.path.join(st, "other-dtypes.safetensors"), safetensors([("i", "I64", [1]), ("b", "BOOL", [3]), ("d", "F64", [1])]))
    write(os.path.join(st, "empty.safetensors"), safetensors([]))
    for path in sorted(glob.glob(os.path.join(ROOT, "Tests/ReferenceTests/Fixtures/*.safetensors"))):
        with open(path, "rb") as f:
            n = struct.unpack("<Q", f.read(8))[0]
            header = json.loads(f.read(n))
        meta = header.pop("__metadata__", None)
        entries = sorted(header.items(), key=lambda kv: kv[1]["data_offsets"][0])
        mini = [(k, v["dtype"], [min(d, 2) for d in v["shape"]]) for k, v in entries]
        write(os.path.join(st, "mini-" + os.path.basename(path)), safetensors(mini, meta))

    nd = os.path.join(out, "npy")
    write(os.path.join(nd, "f4-2x3.npy"), npy([2, 3]))
    write(os.path.join(nd, "f8-3.npy"), npy([3], "<f8"))
    write(os.path.join(nd, "f2-2x2.npy"), npy([2, 2], "<f2"))
    write(os.path.join(nd, "v2-f4-1x2x1.npy"), npy([1, 2, 1], version=2))
    write(os.path.join(nd, "v3-scalar.npy"), npy([], version=3))
    write(os.path.join(nd, "f4-empty.npy"), npy([0, 4]))
    for path in sorted(glob.glob(os.path.join(ROOT, "Tests/ReferenceTests/Fixtures/*.npy"))):
        if os.path.getsize(path) <= 2048:
            shutil.copy(path, nd)

    # Hostile inputs the seeded tests hold as regressions, so libFuzzer mutates around them too.
    write(os.path.join(st, "hostile-2e40-no-data.safetensors"),
          raw_safetensors('{"t":{"dtype":"F32","shape":[1099511627776],"data_offsets":[0,4398046511104]}}'))
    write(os.path.join(st, "hostile-zero-overflow.safetensors"),
          raw_safetensors('{"t":{"dtype":"F32","shape":[0,4611686018427387904,4611686018427387904],"data_offsets":[0,0]}}'))
    write(os.path.join(st, "hostile-deep.safetensors"), raw_safetensors('{"a":' + "[" * 17 + "]" * 17 + "}"))
    write(os.path.join(nd, "hostile-2e40-no-data.npy"), npy_header("{'descr': '<f4', 'fortran_order': False, 'shape': (1099511627776,), }\n"))
    write(os.path.join(nd, "hostile-zero-overflow.npy"),
          npy_header("{'descr': '<f4', 'fortran_order': False, 'shape': (0, 4611686018427387904, 4611686018427387904), }\n"))

    yd = os.path.join(out, "yaml")
    # Mapping keys nested 999 deep: took Yams 1.5 s before YAMLBounds bounded the depth.
    with open(os.path.join(ROOT, "Workloads/tiny-llama.yaml")) as f:
        tiny = f.read()
    write(os.path.join(yd, "hostile-deep-keys.yaml"), tiny.replace("bias: false", "bias: " + "{" * 999 + "}" * 999 + "false").encode())
    write(os.path.join(yd, "hostile-deep-lists.yaml"), ("a: " + "[" * 999 + "]" * 999 + "\n").encode())
    for pattern in ("Workloads/*.yaml", "Workloads/suites/*.yaml", "Devices/*.yaml"):
        for path in sorted(glob.glob(os.path.join(ROOT, pattern))):
            name = os.path.relpath(path, ROOT).replace("/", "-")
            shutil.copy(path, os.path.join(yd, name))

    jd = os.path.join(out, "json")
    for path in sorted(glob.glob(os.path.join(ROOT, "Tests/SchemaTests/Fixtures/v1-run*.json"))):
        shutil.copy(path, os.path.join(jd, os.path.basename(path)))
    write(os.path.join(jd, "hostile-deep.json"), ("[" * 600 + "]" * 600).encode())
    write(os.path.join(jd, "escapes.json"), b'{"schema": "portbench.result", "run_id": "a\\u00e9\\ud83d\\ude00", "x": [1e999, -0, 1.5e-7]}')


if __name__ == "__main__":
    main(sys.argv[1])
