#!/usr/bin/env bash
# Set up and run every test (unit, NumPy fixtures, CLI, the results server on SQLite and PostgreSQL, its API against
# docs/openapi.yaml). Used by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/install-deps.sh
bash ci/check-toolchain.sh
# Formatting: .swift-format (line length 120); the toolchain's own formatter, strict, before anything is built.
swift format lint --strict --recursive Sources Tests Package.swift
swift build --build-tests
# The storage and server tests run against SQLite and a throwaway PostgreSQL cluster on 127.0.0.1 (required here).
PORTBENCH_REQUIRE_POSTGRES=1 bash ci/with-postgres.sh swift test --skip-build --disable-swift-testing
# Every operation of the server's OpenAPI file, generated and malformed requests, against a live server.
bash ci/check-api.sh
