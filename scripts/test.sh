#!/usr/bin/env bash
# Runs every Roster test: restore (NuGet, and npm ci for the test identity providers in tests/sso-idp), dependency audit (scripts/audit-dependencies.sh), format check, build (warnings are errors), then the test
# projects twice: every project on SQLite, then the storage and HTTP tests (Roster.Directory.Tests,
# Roster.Server.Tests) again on a throw-away PostgreSQL server started here (scripts/postgres.sh).
# Then fuzzes each protocol-core target briefly (scripts/fuzz-briefly.sh) and tests the release
# artifact, the published binary and its container image (scripts/package-test.sh).
# Prints one line per database, a closing line "N passed, N failed" summing both, and the name of
# every test that failed (and of every one that failed once and passed when rerun alone).
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

# The names of the tests a log reports failed: one fully qualified method per line (a theory's
# cases collapse into their method, which a rerun runs whole).
failed_tests() { { grep -Eo '^ +Failed [A-Za-z_][A-Za-z0-9_.]*' "$1" || true; } | awk '{print $2}' | sort -u; }

# A test that fails is run once more, alone, at once. One that passes then is named below as
# flaky (so it gets fixed) and does not fail the run; one that fails twice fails it. A whole
# phase is never rerun: only the failed tests, so a real regression still fails the run.
# run_phase NAME STORAGE TARGET...
run_phase() {
  local name=$1 storage=$2 phase_status=0
  shift 2
  for target in "$@"; do
    ROSTER_TEST_STORAGE=$storage dotnet test "$target" -c Release --no-build 2>&1 | tee -a "$logs/$name.log" || phase_status=$?
  done
  [ "$phase_status" -eq 0 ] && return 0
  local failed
  failed=$(failed_tests "$logs/$name.log")
  # Nothing named, or more than a handful: a broken build or a real regression, not a flake.
  if [ -z "$failed" ] || [ "$(echo "$failed" | wc -l)" -gt 5 ]; then status=$phase_status; return 0; fi
  local filter
  filter=$(echo "$failed" | sed 's/^/FullyQualifiedName~/' | paste -sd'|')
  echo "Rerunning the ${name} tests that failed, once: $(echo "$failed" | paste -sd' ')"
  local rerun_status=0
  for target in "$@"; do
    ROSTER_TEST_STORAGE=$storage dotnet test "$target" -c Release --no-build --filter "$filter" 2>&1 | tee -a "$logs/$name-rerun.log" || rerun_status=$?
  done
  if [ "$rerun_status" -eq 0 ]; then
    echo "$failed" | sed "s/^/${name}: flaky (failed, then passed alone): /" >> "$logs/flaky.txt"
  else
    status=$rerun_status
  fi
}

run_phase sqlite sqlite Roster.slnx

start_test_postgres
run_phase postgres postgres tests/Roster.Directory.Tests tests/Roster.Server.Tests

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
  if [ -f "$logs/$provider-rerun.log" ]; then
    # A test that passed on its rerun counts once, as passed; one that failed twice, as failed.
    rerun_failed=$(failed_tests "$logs/$provider-rerun.log" | wc -l)
    rerun_all=$(failed_tests "$logs/$provider.log" | wc -l)
    failed=$rerun_failed
    passed=$((passed + rerun_all - rerun_failed))
  fi
  skipped=$(count Skipped "$logs/$provider.log")
  echo "${provider}: ${passed} passed, ${failed} failed, ${skipped} skipped"
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
done
echo "${total_passed} passed, ${total_failed} failed"
if [ -f "$logs/flaky.txt" ]; then cat "$logs/flaky.txt"; fi
for provider in sqlite postgres; do
  failed_tests "$logs/$provider.log" | sed "s/^/${provider}: failed: /"
done
exit "$status"
