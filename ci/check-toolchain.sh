#!/usr/bin/env bash
# Fails early, with instructions, when no Swift 6 toolchain is on PATH.
set -euo pipefail
if [ -x /opt/swift/usr/bin/swift ] && ! command -v swift >/dev/null 2>&1; then
  echo "check-toolchain: add /opt/swift/usr/bin to PATH" >&2
fi
if ! command -v swift >/dev/null 2>&1; then
  echo "check-toolchain: no 'swift' on PATH. portbench needs Swift 6.0 or later (https://www.swift.org/install/linux/)." >&2
  exit 1
fi
swift --version 2>&1 | head -1
