#!/usr/bin/env bash
# The short form of the fuzzing that the tests run: each fuzz target of Roster's protocol core
# (fuzz/README.md) for ROSTER_FUZZ_SECONDS seconds [20] with AFL++ (the random-mutation driver
# without it). Fails on the first crash or hang found, after replaying it. The long run is
# `bash fuzz/run.sh <target> 3600`.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${ROSTER_FUZZ_SECONDS:-20}"
for target in filter path patch json; do
  bash fuzz/run.sh "$target" "$seconds"
done
