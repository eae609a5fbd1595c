#!/usr/bin/env bash
# Fetches the XLA CPU PJRT plugin and the PJRT C API header from PyPI (pinned, sha256-checked) into .cache/pjrt/.
# Nothing of the plugin is committed. Idempotent. PORTBENCH_SKIP_PJRT=1 skips it (the XLA backend is then absent).
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=.cache/pjrt
PLUGIN_WHEEL=lammps_jax_pjrt_cpu-0.11.2-py3-none-manylinux_2_27_x86_64.whl
PLUGIN_SHA=1319390d948b39f69f7dade496b7c385149d9ca6097a6b62114da113216d9ad1
HEADER_WHEEL=xla_cpu_pjrt-0.0.1-py3-none-manylinux_2_27_x86_64.whl
HEADER_SHA=55837b6b7b47daa717f2d9a5a03563ea0ceaa338d06a81a1e2d3f060d960decc

if [ "${PORTBENCH_SKIP_PJRT:-0}" = "1" ]; then echo "install-pjrt: skipped (PORTBENCH_SKIP_PJRT=1)"; exit 0; fi
if [ -f "$DEST/pjrt_c_api_cpu_plugin.so" ] && [ -f "$DEST/include/pjrt_c_api.h" ]; then
  echo "install-pjrt: present in $DEST"; exit 0
fi
mkdir -p "$DEST/wheels"
fetch() { # package==version wheel sha
  local w="$DEST/wheels/$2"
  if [ ! -f "$w" ] || ! echo "$3  $w" | sha256sum -c --quiet - 2>/dev/null; then
    echo "install-pjrt: downloading $1 from PyPI"
    python3 -m pip download --quiet --no-deps --only-binary=:all: --platform manylinux_2_27_x86_64 -d "$DEST/wheels" "$1"
  fi
  echo "$3  $w" | sha256sum -c --quiet - || { echo "install-pjrt: sha256 mismatch for $w" >&2; exit 1; }
}
fetch lammps-jax-pjrt-cpu==0.11.2 "$PLUGIN_WHEEL" "$PLUGIN_SHA"
fetch xla-cpu-pjrt==0.0.1 "$HEADER_WHEEL" "$HEADER_SHA"
python3 - "$DEST" "$PLUGIN_WHEEL" "$HEADER_WHEEL" <<'PY'
import os, sys, zipfile
dest, plugin, header = sys.argv[1:]
with zipfile.ZipFile(os.path.join(dest, "wheels", plugin)) as z:
    with z.open("lammps_jax_pjrt_cpu/pjrt_c_api_cpu_plugin.so") as src, open(os.path.join(dest, "pjrt_c_api_cpu_plugin.so"), "wb") as out:
        out.write(src.read())
os.makedirs(os.path.join(dest, "include"), exist_ok=True)
with zipfile.ZipFile(os.path.join(dest, "wheels", header)) as z:
    with z.open("xla_plugins/xla_cpu_pjrt/include/pjrt_c_api.h") as src, open(os.path.join(dest, "include", "pjrt_c_api.h"), "wb") as out:
        out.write(src.read())
PY
rm -rf "$DEST/wheels"
echo "install-pjrt: plugin and header in $DEST"
