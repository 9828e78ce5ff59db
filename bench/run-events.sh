#!/usr/bin/env bash
# Measures Roster Events on this machine (docs/performance.md, "Events and webhooks"):
#   1. builds the server CLI and roster-bench in Release;
#   2. initialises a fresh database (SQLite in a temporary folder, or PostgreSQL with
#      ROSTER_EVENTS_POSTGRES set to a connection string of an empty database), a role with
#      employees.edit and webhooks.manage (which turns events.read on), a profile holding it and
#      its access key;
#   3. starts `roster serve` in the background, its webhooks allowed to reach 127.0.0.1 (the
#      benchmark's own receiver);
#   4. runs `roster-bench events`: creates/s with and without an endpoint, commit-to-webhook
#      latency at a steady rate, feed read throughput, and a backlog built during a receiver outage;
#   5. stops the server.
#
# Environment (defaults are the figures the issue asks for; lower them for a quick check):
#   ROSTER_EVENTS_RATE      changes per second in the latency phase (500)
#   ROSTER_EVENTS_SECONDS   length of the latency phase (20)
#   ROSTER_EVENTS_BACKLOG   changes made while the receiver is down (100000)
#   ROSTER_EVENTS_OUTAGE    seconds the receiver is down (600)
#   ROSTER_EVENTS_PHASES    cost,latency,feed,backlog
#   ROSTER_EVENTS_COST_USERS users created without, then with, an endpoint (3000)
#   ROSTER_EVENTS_POSTGRES  an Npgsql connection string: measure on PostgreSQL instead of SQLite
#   ROSTER_EVENTS_PORT      the server's port (5100)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${ROSTER_EVENTS_PORT:-5100}"
WORK="$(mktemp -d -t roster-events-bench.XXXXXX)"
SERVER_PID=""

cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

dotnet build "$ROOT/src/Roster.Cli" -c Release -v quiet -nologo >/dev/null
dotnet build "$ROOT/bench/Roster.Bench" -c Release -v quiet -nologo >/dev/null
ROSTER="$ROOT/src/Roster.Cli/bin/Release/net10.0/roster.dll"
BENCH="$ROOT/bench/Roster.Bench/bin/Release/net10.0/roster-bench.dll"

if [[ -n "${ROSTER_EVENTS_POSTGRES:-}" ]]; then
  export Storage__Provider=postgres
  export ROSTER_DATA="$ROSTER_EVENTS_POSTGRES"
else
  export ROSTER_DATA="$WORK/roster.db"
fi
export Roster__RateLimits__Enabled=false
export Roster__Webhooks__AllowedNetworks=127.0.0.1/32

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
INIT="$(dotnet "$ROSTER" init --json)"
ORG="$(echo "$INIT" | json "['orgId']")"
TOKEN="$(echo "$INIT" | json "['token']")"
ROLE="$(dotnet "$ROSTER" roles create --tenant "$ORG" --name "Event consumers" --permissions employees.edit,webhooks.manage --json | json "['id']")"
OWNER="$(dotnet "$ROSTER" employees create --tenant "$ORG" --email consumer@example.com --first-name Event --last-name Consumer --role "$ROLE" --json | json "['id']")"
KEY="$(dotnet "$ROSTER" access-keys create --tenant "$ORG" --owner "$OWNER" --json)"

dotnet "$ROSTER" serve --urls "http://127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
# A start takes seconds on a quiet machine and has taken over a minute on a loaded one.
for attempt in $(seq 1 900); do
  curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break
  if ! kill -0 "$SERVER_PID" 2>/dev/null || [[ "$attempt" == 900 ]]; then
    echo "roster serve did not start; its output:" >&2
    cat "$WORK/server.log" >&2
    exit 1
  fi
  sleep 0.2
done
echo "nproc=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg) storage=${Storage__Provider:-sqlite}"

dotnet "$BENCH" events \
  --base-url "http://127.0.0.1:$PORT/scim/v2/$ORG" --token "$TOKEN" \
  --admin-url "http://127.0.0.1:$PORT/api/v1/orgs/$ORG" --token-url "http://127.0.0.1:$PORT/auth/token" \
  --client-id "$(echo "$KEY" | json "['accessKeyId']")" --client-secret "$(echo "$KEY" | json "['secretAccessKey']")" \
  --phases "${ROSTER_EVENTS_PHASES:-cost,latency,feed,backlog}" \
  --rate "${ROSTER_EVENTS_RATE:-500}" --seconds "${ROSTER_EVENTS_SECONDS:-20}" --cost-users "${ROSTER_EVENTS_COST_USERS:-3000}" \
  --backlog "${ROSTER_EVENTS_BACKLOG:-100000}" --outage-seconds "${ROSTER_EVENTS_OUTAGE:-600}"
