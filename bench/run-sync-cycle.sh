#!/usr/bin/env bash
# Measures Roster against its performance targets on this machine, end to end:
#   1. builds the server CLI and roster-bench in Release;
#   2. initialises a fresh SQLite database in a temporary folder;
#   3. starts `roster serve` in the background and waits until it answers;
#   4. runs roster-bench twice: `create` at concurrency 1, then the whole IdP sync cycle at concurrency 8
#      (create, lookup, patch, groups, members, list, bigmember) with the server's PID for peak RSS;
#   5. prints both reports and a digest of the targets, then stops the server.
#
# Sizes can be lowered for a quick check, e.g.
#   ROSTER_BENCH_USERS=10000 ROSTER_BENCH_BIG_GROUP=10000 bench/run-sync-cycle.sh
#
# Environment:
#   ROSTER_BENCH_PORT        port the server listens on (default 5000)
#   ROSTER_BENCH_USERS       users the sync cycle creates (default 100000)
#   ROSTER_BENCH_BIG_GROUP   members of the big group (default 100000)
#   ROSTER_BENCH_LOOKUPS     userName eq lookups (default 20000)
#   ROSTER_BENCH_C1_USERS    users created at concurrency 1 (default 2000)
#   ROSTER_BENCH_GROUPS      groups for the members phase (default 10)
#   ROSTER_BENCH_OUT         folder for the reports, JSON and server log (default: a new temp folder, kept)
#   ROSTER_BENCH_KEEP_DB=1   keep the database folder instead of deleting it
#   ROSTER_BENCH_RATE_LIMITS the server's request rate limits, Roster:RateLimits:Enabled (default false:
#                            the benchmark measures capacity, thousands of requests a second on one
#                            token, far above the default 50 a second per credential)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${ROSTER_BENCH_PORT:-5000}"
USERS="${ROSTER_BENCH_USERS:-100000}"
BIG_GROUP="${ROSTER_BENCH_BIG_GROUP:-100000}"
LOOKUPS="${ROSTER_BENCH_LOOKUPS:-20000}"
C1_USERS="${ROSTER_BENCH_C1_USERS:-2000}"
GROUP_COUNT="${ROSTER_BENCH_GROUPS:-10}"
OUT="${ROSTER_BENCH_OUT:-$(mktemp -d -t roster-bench-results.XXXXXX)}"
WORK="$(mktemp -d -t roster-bench-db.XXXXXX)"
SERVER_PID=""
mkdir -p "$OUT"

stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "Stopping the server (pid $SERVER_PID)"
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$SERVER_PID" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}

cleanup() {
  stop_server
  if [[ "${ROSTER_BENCH_KEEP_DB:-0}" == "1" ]]; then
    echo "Database kept in $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The path of a project's built assembly, as MSBuild computes it (no guessing of bin/ layouts).
target_path() {
  dotnet msbuild "$1" -nologo -getProperty:TargetPath -p:Configuration=Release
}

# Reads a string member of the one-object JSON that `roster init --json` prints.
json_string() {
  sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\([^\"]*\)\".*/\1/p" | head -n 1
}

echo "== Building (Release) =="
dotnet build "$ROOT/src/Roster.Cli" -c Release -nologo -v quiet
dotnet build "$ROOT/bench/Roster.Bench" -c Release -nologo -v quiet
CLI_DLL="$(target_path "$ROOT/src/Roster.Cli")"
BENCH_DLL="$(target_path "$ROOT/bench/Roster.Bench")"

echo "== Initialising a fresh database in $WORK =="
DB="$WORK/bench.db"
INIT_JSON="$(dotnet "$CLI_DLL" init --data "$DB" --json)"
ORG_ID="$(json_string orgId <<<"$INIT_JSON")"
TOKEN="$(json_string token <<<"$INIT_JSON")"
INIT_BASE_URL="$(json_string baseUrl <<<"$INIT_JSON")"
if [[ -z "$TOKEN" || ( -z "$ORG_ID" && -z "$INIT_BASE_URL" ) ]]; then
  echo "roster init --json printed no orgId/baseUrl/token:" >&2
  echo "$INIT_JSON" >&2
  exit 1
fi

# Keep init's path (/scim/v2/{orgId}) but point it at the address this script makes the server listen on.
if [[ -n "$INIT_BASE_URL" ]]; then
  SCIM_PATH="${INIT_BASE_URL#*://}"
  SCIM_PATH="${SCIM_PATH#*/}"
else
  SCIM_PATH="scim/v2/$ORG_ID"
fi
BASE_URL="http://127.0.0.1:$PORT/$SCIM_PATH"

echo "== Starting roster serve on 127.0.0.1:$PORT (log: $OUT/server.log) =="
# `dotnet app.dll` runs the app in this very process, so $! is the server's PID (not a launcher's).
Roster__RateLimits__Enabled="${ROSTER_BENCH_RATE_LIMITS:-false}" \
  dotnet "$CLI_DLL" serve --data "$DB" --urls "http://127.0.0.1:$PORT" >"$OUT/server.log" 2>&1 &
SERVER_PID=$!

for attempt in $(seq 1 120); do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "The server exited during start-up:" >&2
    tail -n 40 "$OUT/server.log" >&2
    exit 1
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    break
  fi
  if [[ "$attempt" == 120 ]]; then
    echo "The server did not listen on port $PORT within 60 s:" >&2
    tail -n 40 "$OUT/server.log" >&2
    exit 1
  fi
  sleep 0.5
done
echo "Server pid $SERVER_PID, SCIM base URL $BASE_URL"

bench() {
  local name="$1"
  shift
  echo
  echo "== roster-bench: $name =="
  dotnet "$BENCH_DLL" run --base-url "$BASE_URL" --token "$TOKEN" --server-pid "$SERVER_PID" \
    --json "$OUT/$name.json" "$@" | tee "$OUT/$name.txt"
}

# Users created per second by a single-threaded IdP (Okta's default for many apps is one connection).
bench create-c1 --phases create --users "$C1_USERS" --concurrency 1

# The sync cycle at concurrency 8: bigmember needs BIG_GROUP + 10 users, so create makes at least that many,
# and the lookups then run against a directory of that size.
bench sync-cycle-c8 --phases create,lookup,patch,groups,members,list,bigmember \
  --users "$USERS" --concurrency 8 --groups "$GROUP_COUNT" --lookups "$LOOKUPS" --big-group-members "$BIG_GROUP"

stop_server

echo
echo "== Roster performance targets ($(nproc) cores) =="
echo "  concurrency 1:"
grep -h "users created/s" "$OUT/create-c1.txt" || true
echo "  concurrency 8:"
grep -h -E "users created/s|userName eq lookups|add one member|server peak RSS" "$OUT/sync-cycle-c8.txt" || true
echo
echo "Reports, JSON and the server log are in $OUT"
