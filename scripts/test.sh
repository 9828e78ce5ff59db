#!/usr/bin/env bash
# Runs every Roster test: restore, format check, build (warnings are errors), then the test
# projects. Prints one closing line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH." >&2
  exit 1
fi

dotnet restore Roster.slnx
dotnet format Roster.slnx --verify-no-changes --no-restore
dotnet build Roster.slnx -c Release --no-restore

log=$(mktemp)
status=0
dotnet test Roster.slnx -c Release --no-build 2>&1 | tee "$log" || status=$?

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "${passed} passed, ${failed} failed"
exit "$status"
