#!/usr/bin/env bash
# Set up and run every test (unit, NumPy fixtures, CLI). Used by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/install-deps.sh
bash ci/check-toolchain.sh
# Formatting: .swift-format (line length 120); the toolchain's own formatter, strict, before anything is built.
swift format lint --strict --recursive Sources Tests Package.swift
swift build --build-tests
swift test --skip-build --disable-swift-testing
