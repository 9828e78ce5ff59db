#!/usr/bin/env bash
# Measures Roster, the physical ceiling and a reference SCIM server side by side, in one run, with
# the same load client on the same cores, so that a busy machine slows all three alike:
#   1. builds the server CLI and roster-bench in Release;
#   2. initialises a fresh SQLite database (durable: every write is committed to disk before the
#      answer) and starts `roster serve`, the ceiling (a minimal Kestrel endpoint over an in-memory
#      dictionary, which no server can beat) and the reference peer (scimmy, in memory, Node);
#   3. warms each server up with an untimed pass of the same phases (the runtime compiles its hot
#      methods again, optimised, during its first seconds of load: without it a short phase measures
#      that compilation too, and a large server more than a small one);
#   4. at concurrency 1 and then 8, runs the same phases against each in turn, reading each
#      server's CPU time from /proc before and after every phase;
#   5. prints, per concurrency, a table of Roster's requests/s, p50/p99 and CPU per request beside
#      the others' and the ratios to its targets (`roster-bench compare`), then stops all three.
# The ceiling serves only create, lookup, get and patch; the peer and Roster also groups, members
# (one group growing to --users members) and list.
#
# Environment:
#   ROSTER_BENCH_PEERS       folder of start-ceiling.sh and start-scimmy.sh (default ../shared/bench-peers
#                            beside the repository)
#   ROSTER_BENCH_PORT        first of the three ports (default 5100; the ceiling takes +1, the peer +2)
#   ROSTER_BENCH_USERS       users each run creates (default 2000)
#   ROSTER_BENCH_LOOKUPS     lookups and GETs by id each run sends (default 5000)
#   ROSTER_BENCH_CONCURRENCY concurrencies to run, in order (default "1 8")
#   ROSTER_BENCH_PEER_TIMEOUT seconds after which a peer's phase stops (default 120: the peer's member
#                            adds slow down as the group grows)
#   ROSTER_BENCH_OUT         folder for the reports, JSON and server logs (default: a new temp folder, kept)
#   ROSTER_BENCH_SERVER_ENV  extra environment for `roster serve` only, e.g.
#                            "DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 DOTNET_gcServer=0", to compare
#                            runtime settings while the ceiling and the peer run as always
#   ROSTER_BENCH_SKIP_PEER   1 to leave the peer out (its member and list phases take minutes)
#   ROSTER_BENCH_ROUNDS      rounds per concurrency (default 1): each round runs every server in turn,
#                            and `compare` prints the medians of the rounds' figures and of their
#                            ratios, each round's servers having run back to back; on a machine whose
#                            speed drifts (a shared VM), 3 or more give ratios that hold from run to run
#   ROSTER_BENCH_WARMUP_USERS users of the untimed warm-up pass against each server (default 1000,
#                            with 3,000 lookups and GETs; 0 for no warm-up: figures of a server
#                            just started)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PEERS="${ROSTER_BENCH_PEERS:-$ROOT/../shared/bench-peers}"
PORT="${ROSTER_BENCH_PORT:-5100}"
USERS="${ROSTER_BENCH_USERS:-2000}"
LOOKUPS="${ROSTER_BENCH_LOOKUPS:-5000}"
CONCURRENCIES="${ROSTER_BENCH_CONCURRENCY:-1 8}"
PEER_TIMEOUT="${ROSTER_BENCH_PEER_TIMEOUT:-120}"
SERVER_ENV="${ROSTER_BENCH_SERVER_ENV:-}"
SKIP_PEER="${ROSTER_BENCH_SKIP_PEER:-0}"
WARMUP_USERS="${ROSTER_BENCH_WARMUP_USERS:-1000}"
ROUNDS="${ROSTER_BENCH_ROUNDS:-1}"
OUT="${ROSTER_BENCH_OUT:-$(mktemp -d -t roster-side-by-side.XXXXXX)}"
WORK="$(mktemp -d -t roster-side-by-side-db.XXXXXX)"
PEER_TOKEN="peer-token"
PIDS=()
mkdir -p "$OUT"

if [[ ! -f "$PEERS/start-ceiling.sh" || ! -f "$PEERS/start-scimmy.sh" ]]; then
  echo "No start-ceiling.sh and start-scimmy.sh in $PEERS: set ROSTER_BENCH_PEERS." >&2
  exit 2
fi

cleanup() {
  for pid in "${PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

target_path() {
  dotnet msbuild "$1" -nologo -getProperty:TargetPath -p:Configuration=Release
}

json_string() {
  sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\([^\"]*\)\".*/\1/p" | head -n 1
}

# Waits until a port answers, or fails with the tail of the server's log.
wait_for_port() {
  local port="$1" pid="$2" log="$3"
  for attempt in $(seq 1 240); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "The server on port $port exited during start-up:" >&2
      tail -n 40 "$log" >&2
      exit 1
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      return 0
    fi
    sleep 0.5
  done
  echo "Nothing listened on port $port within 120 s:" >&2
  tail -n 40 "$log" >&2
  exit 1
}

echo "== Building (Release) =="
dotnet build "$ROOT/src/Roster.Cli" -c Release -nologo -v quiet
dotnet build "$ROOT/bench/Roster.Bench" -c Release -nologo -v quiet
CLI_DLL="$(target_path "$ROOT/src/Roster.Cli")"
BENCH_DLL="$(target_path "$ROOT/bench/Roster.Bench")"

echo "== Starting Roster (SQLite in $WORK), the ceiling and the peer =="
INIT_JSON="$(dotnet "$CLI_DLL" init --data "$WORK/roster.db" --json)"
ORG_ID="$(json_string orgId <<<"$INIT_JSON")"
ROSTER_TOKEN="$(json_string token <<<"$INIT_JSON")"
# Request rate limits are off: the run measures capacity, far above the default per credential.
# shellcheck disable=SC2086 # SERVER_ENV is a list of NAME=value words.
env Roster__RateLimits__Enabled=false $SERVER_ENV \
  dotnet "$CLI_DLL" serve --data "$WORK/roster.db" --urls "http://127.0.0.1:$PORT" >"$OUT/roster.log" 2>&1 &
ROSTER_PID=$!
PIDS+=("$ROSTER_PID")
# Both start scripts exec the server, so $! is the server's own PID.
bash "$PEERS/start-ceiling.sh" "$((PORT + 1))" >"$OUT/ceiling.log" 2>&1 &
CEILING_PID=$!
PIDS+=("$CEILING_PID")
if [[ "$SKIP_PEER" != 1 ]]; then
  bash "$PEERS/start-scimmy.sh" "$((PORT + 2))" "$PEER_TOKEN" >"$OUT/peer.log" 2>&1 &
  PEER_PID=$!
  PIDS+=("$PEER_PID")
fi
wait_for_port "$PORT" "$ROSTER_PID" "$OUT/roster.log"
wait_for_port "$((PORT + 1))" "$CEILING_PID" "$OUT/ceiling.log"
if [[ "$SKIP_PEER" != 1 ]]; then
  wait_for_port "$((PORT + 2))" "$PEER_PID" "$OUT/peer.log"
fi

# One run of roster-bench against one server: name, base URL, token, server PID, phases, extra options.
bench() {
  local name="$1" url="$2" token="$3" pid="$4" phases="$5"
  shift 5
  echo
  echo "== $name =="
  dotnet "$BENCH_DLL" run --base-url "$url" --token "$token" --server-pid "$pid" --phases "$phases" \
    --users "$USERS" --lookups "$LOOKUPS" --groups 1 --json "$OUT/$name.json" "$@" | tee "$OUT/$name.txt"
}

# An untimed pass of the same phases against one server; its report is kept beside the others.
warm_up() {
  local name="$1" url="$2" token="$3" pid="$4" phases="$5"
  echo "== Warming up $name ($WARMUP_USERS users, untimed) =="
  dotnet "$BENCH_DLL" run --base-url "$url" --token "$token" --server-pid "$pid" --phases "$phases" \
    --users "$WARMUP_USERS" --lookups "$((WARMUP_USERS * 3))" --groups 1 --concurrency 1 \
    --phase-timeout "$PEER_TIMEOUT" >"$OUT/warmup-$name.txt"
}

if [[ "$WARMUP_USERS" -gt 0 ]]; then
  warm_up roster "http://127.0.0.1:$PORT/scim/v2/$ORG_ID" "$ROSTER_TOKEN" "$ROSTER_PID" create,lookup,get,patch,groups,members,list
  warm_up ceiling "http://127.0.0.1:$((PORT + 1))/scim/v2" "$PEER_TOKEN" "$CEILING_PID" create,lookup,get,patch
  if [[ "$SKIP_PEER" != 1 ]]; then
    warm_up peer "http://127.0.0.1:$((PORT + 2))/scim/v2" "$PEER_TOKEN" "$PEER_PID" create,lookup,get,patch
  fi
fi

# A round's reports are named NAME-cC (one round) or NAME-cC-rR.
round_name() {
  if [[ "$ROUNDS" -gt 1 ]]; then echo "$1-c$2-r$3"; else echo "$1-c$2"; fi
}

for concurrency in $CONCURRENCIES; do
  for round in $(seq "$ROUNDS"); do
    bench "$(round_name roster "$concurrency" "$round")" "http://127.0.0.1:$PORT/scim/v2/$ORG_ID" "$ROSTER_TOKEN" "$ROSTER_PID" \
      create,lookup,get,patch,groups,members,list --concurrency "$concurrency"
    bench "$(round_name ceiling "$concurrency" "$round")" "http://127.0.0.1:$((PORT + 1))/scim/v2" "$PEER_TOKEN" "$CEILING_PID" \
      create,lookup,get,patch --concurrency "$concurrency"
    if [[ "$SKIP_PEER" != 1 ]]; then
      bench "$(round_name peer "$concurrency" "$round")" "http://127.0.0.1:$((PORT + 2))/scim/v2" "$PEER_TOKEN" "$PEER_PID" \
        create,lookup,get,patch,groups,members,list --concurrency "$concurrency" --phase-timeout "$PEER_TIMEOUT"
    fi
  done
done

echo
echo "== Side by side ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)) =="
for concurrency in $CONCURRENCIES; do
  echo
  reports=()
  for round in $(seq "$ROUNDS"); do
    reports+=(--subject "$OUT/$(round_name roster "$concurrency" "$round").json" --ceiling "$OUT/$(round_name ceiling "$concurrency" "$round").json")
    if [[ "$SKIP_PEER" != 1 ]]; then
      reports+=(--peer "$OUT/$(round_name peer "$concurrency" "$round").json")
    fi
  done
  dotnet "$BENCH_DLL" compare "${reports[@]}" | tee "$OUT/compare-c$concurrency.txt"
done
echo
echo "Reports, JSON and the servers' logs are in $OUT"
