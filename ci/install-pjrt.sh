#!/usr/bin/env bash
# Fetches the XLA CPU PJRT plugin from PyPI (pinned, sha256-checked) into .cache/pjrt/. Nothing of it is committed,
# and the build never reads it: portbench finds the plugin at run time, so no rebuild is needed after this.
# Idempotent. PORTBENCH_SKIP_PJRT=1 skips it (the xla backend then stays off).
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=.cache/pjrt
PLUGIN_WHEEL=lammps_jax_pjrt_cpu-0.11.2-py3-none-manylinux_2_27_x86_64.whl
PLUGIN_SHA=1319390d948b39f69f7dade496b7c385149d9ca6097a6b62114da113216d9ad1

if [ "${PORTBENCH_SKIP_PJRT:-0}" = "1" ]; then echo "install-pjrt: skipped (PORTBENCH_SKIP_PJRT=1)"; exit 0; fi
if [ -f "$DEST/pjrt_c_api_cpu_plugin.so" ]; then
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
python3 - "$DEST" "$PLUGIN_WHEEL" <<'PY'
import os, sys, zipfile
dest, plugin = sys.argv[1:]
with zipfile.ZipFile(os.path.join(dest, "wheels", plugin)) as z:
    with z.open("lammps_jax_pjrt_cpu/pjrt_c_api_cpu_plugin.so") as src, open(os.path.join(dest, "pjrt_c_api_cpu_plugin.so"), "wb") as out:
        out.write(src.read())
PY
rm -rf "$DEST/wheels"
echo "install-pjrt: plugin in $DEST"
