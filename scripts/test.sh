#!/usr/bin/env bash
# Runs every Roster test: restore (NuGet, and npm ci for the test identity providers in tests/sso-idp), dependency audit (scripts/audit-dependencies.sh), format check, build (warnings are errors), then the test
# projects twice: every project on SQLite, then the storage and HTTP tests (Roster.Directory.Tests,
# Roster.Server.Tests) again on a throw-away PostgreSQL server started here (scripts/postgres.sh).
# Then fuzzes each protocol-core target briefly (scripts/fuzz-briefly.sh) and tests the release
# artifact, the published binary and its container image (scripts/package-test.sh).
# Prints one line per database and a closing line "N passed, N failed" summing both.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH." >&2
  exit 1
fi

source scripts/postgres.sh
if ! find_postgres_bin >/dev/null; then
  echo "PostgreSQL is required: the tests run on PostgreSQL as well as SQLite, on a throw-away server this script starts." >&2
  echo "Install it with 'apt-get install -y postgresql' (Debian/Ubuntu; .ci/run does this)." >&2
  exit 1
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "Node.js and npm are required: the single sign-on tests run real identity providers (tests/sso-idp)." >&2
  echo "Install them with 'apt-get install -y nodejs npm' (Debian/Ubuntu; .ci/run does this)." >&2
  exit 1
fi

dotnet restore Roster.slnx

# One webhook test checks Roster's signatures with the standardwebhooks npm package (a third
# party's code, not Roster's), installed here from its lock file.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "Node.js and npm are required: a webhook test verifies signatures with the standardwebhooks npm package." >&2
  echo "Install them with 'apt-get install -y nodejs npm' (Debian/Ubuntu; .ci/run does this)." >&2
  exit 1
fi
npm ci --prefix tests/Roster.Server.Tests/Events/StandardWebhooksCheck --no-audit --no-fund

# The test identity providers (oidc-provider, samlify), exactly as package-lock.json pins them.
(cd tests/sso-idp && npm ci --no-audit --no-fund)
bash scripts/audit-dependencies.sh
dotnet format Roster.slnx --verify-no-changes --no-restore
dotnet build Roster.slnx -c Release --no-restore

logs=$(mktemp -d)
trap 'stop_test_postgres; rm -rf "$logs"' EXIT
status=0

ROSTER_TEST_STORAGE=sqlite dotnet test Roster.slnx -c Release --no-build 2>&1 | tee "$logs/sqlite.log" || status=$?

start_test_postgres
for project in tests/Roster.Directory.Tests tests/Roster.Server.Tests; do
  ROSTER_TEST_STORAGE=postgres dotnet test "$project" -c Release --no-build 2>&1 | tee -a "$logs/postgres.log" || status=$?
done

# The fuzz targets for a few seconds each: a crash found fails the run.
bash scripts/fuzz-briefly.sh 2>&1 | tee "$logs/fuzz.log" || status=$?

# The release artifact: the published linux-x64 binary, and its container image where podman runs.
bash scripts/package-test.sh 2>&1 | tee "$logs/package.log" || status=$?

count() { { grep -Eo "$1: +[0-9]+" "$2" || true; } | awk '{s+=$2} END {print s+0}'; }
total_passed=0
total_failed=0
for provider in sqlite postgres package; do
  passed=$(count Passed "$logs/$provider.log")
  failed=$(count Failed "$logs/$provider.log")
  skipped=$(count Skipped "$logs/$provider.log")
  echo "${provider}: ${passed} passed, ${failed} failed, ${skipped} skipped"
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
done
echo "${total_passed} passed, ${total_failed} failed"
exit "$status"
