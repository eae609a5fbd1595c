#!/usr/bin/env bash
# Installs the system packages portbench needs on Debian 12. Idempotent; run as root (or with sudo available).
set -euo pipefail
# valgrind (headers and tool) and binutils (objcopy) serve `run --instrument callgrind`; zlib1g-dev the gzip upload
# bodies; curl, python3-venv and openssl the API check, the load script and the TLS test (PostgreSQL comes with
# ci/with-postgres.sh).
PKGS=(libopenblas-dev libcurl4-openssl-dev zlib1g-dev pkg-config valgrind binutils curl python3-venv openssl)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
fetch_pjrt() {
  # The XLA backend's plugin (PyPI); the build and tests work without it, so a failure here is only a warning.
  bash "$(dirname "$0")/install-pjrt.sh" || echo "install-deps: warning: the XLA PJRT plugin could not be fetched; the xla backend stays off until ci/install-pjrt.sh succeeds (no rebuild needed)" >&2
}
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all system packages present (${PKGS[*]})"
  fetch_pjrt
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fetch_pjrt
