#!/usr/bin/env bash
# Renders a portbench HTML report to a PNG with Debian's headless chromium, to look at what a reader will see.
# Usage: ci/screenshot-report.sh REPORT.html OUT.png [WIDTHxHEIGHT]   (default 1280x2400)
# Installs chromium when it is missing (as ci/install-deps.sh does for the build's packages; root or sudo).
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 REPORT.html OUT.png [WIDTHxHEIGHT]" >&2
  exit 2
fi
html=$1
png=$2
size=${3:-1280x2400}
[ -f "$html" ] || { echo "screenshot-report: $html: no such file" >&2; exit 2; }
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "screenshot-report: installing chromium"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core
fi
abs_html=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
mkdir -p "$(dirname "$png")"
abs_png=$(cd "$(dirname "$png")" && pwd)/$(basename "$png")
# A throwaway profile: nothing of the user's browser is read or written. The page fetches nothing (no network).
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
  --window-size="${size/x/,}" --screenshot="$abs_png" "file://$abs_html" 2>/dev/null
[ -s "$abs_png" ] || { echo "screenshot-report: chromium wrote no $png" >&2; exit 1; }
echo "screenshot-report: wrote $png ($size)"
