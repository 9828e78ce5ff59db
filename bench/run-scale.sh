#!/usr/bin/env bash
# Measures Roster at scale (a tenant of a million users) on PostgreSQL and SQLite, one after the other:
#   1. builds the server CLI and roster-bench in Release;
#   2. per database: a fresh database (PostgreSQL: a throw-away server on a loopback port) and a tenant;
#   3. SEEDS users in bulk (bench/seed.sh: set-based SQL straight into Roster's tables; nothing timed),
#      growing the tenant through ROSTER_SCALE_STEPS to ROSTER_SCALE_USERS, and at each size starts
#      `roster serve` and MEASURES `userName eq` lookups over HTTP with roster-bench;
#   4. at the full size, with the groups seeded (one of ROSTER_SCALE_BIG_GROUP members), measures over
#      HTTP: adding and removing one member of the big group, creates at concurrency C, the full listing
#      of users by startIndex and by cursor and of groups (excludedAttributes=members), a few deep
#      startIndex pages, and the server's peak RSS (VmHWM);
#      with ROSTER_SCALE_ROLEMAP=1 (the default), also role rules over the big group (roster-bench's
#      `rolemap`: a rule mapping it to a role, member adds and removes while it does, renaming the
#      group away and back, moving the rule to another role), signed in to the admin API as an
#      administrator created and activated here;
#   5. prints a digest, and deletes the databases (ROSTER_SCALE_KEEP_DB=1 keeps them).
#
# Environment (defaults in brackets):
#   ROSTER_SCALE_DATABASES    which databases, in order ["postgres sqlite"]
#   ROSTER_SCALE_USERS        seeded users at full size [1000000]
#   ROSTER_SCALE_STEPS        smaller sizes to measure lookups at first ["10000 100000"]
#   ROSTER_SCALE_GROUPS       seeded groups [10000]
#   ROSTER_SCALE_BIG_GROUP    members of seed-big-group [100000]
#   ROSTER_SCALE_LOOKUPS      lookups per size [20000]
#   ROSTER_SCALE_CREATES      users created over SCIM at full size [20000]
#   ROSTER_SCALE_CONCURRENCY  requests in flight [8]
#   ROSTER_SCALE_WALK_TIMEOUT seconds each listing walk may take before it stops [300]
#   ROSTER_SCALE_ROLEMAP=0    skip the role rules over the big group
#   ROSTER_SCALE_LIST=0       skip the listings and deep pages (the longest part at a million users)
#   ROSTER_SCALE_PORT         port of `roster serve` [5000]
#   ROSTER_SCALE_PG_SHARED_BUFFERS  PostgreSQL shared_buffers [512MB]
#   ROSTER_SCALE_PG_OPTIONS   more PostgreSQL settings, as postgres options (e.g. "-c log_min_duration_statement=5
#                             -c log_autovacuum_min_duration=0" to find a tail in its server.log, kept in the reports folder) [none]
#   ROSTER_SCALE_OUT          folder for reports and logs [a new temp folder, kept]
#   ROSTER_SCALE_WORK         parent folder of the databases [the system temp folder]
#   ROSTER_SCALE_KEEP_DB=1    keep the databases
#   ROSTER_SCALE_RATE_LIMITS  the server's request rate limits, Roster:RateLimits:Enabled [false: the
#                             benchmark measures capacity, far above the default 50 requests a second per credential]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATABASES="${ROSTER_SCALE_DATABASES:-postgres sqlite}"
USERS="${ROSTER_SCALE_USERS:-1000000}"
STEPS="${ROSTER_SCALE_STEPS:-10000 100000}"
GROUP_COUNT="${ROSTER_SCALE_GROUPS:-10000}"
BIG_GROUP="${ROSTER_SCALE_BIG_GROUP:-100000}"
LOOKUPS="${ROSTER_SCALE_LOOKUPS:-20000}"
CREATES="${ROSTER_SCALE_CREATES:-20000}"
CONCURRENCY="${ROSTER_SCALE_CONCURRENCY:-8}"
WALK_TIMEOUT="${ROSTER_SCALE_WALK_TIMEOUT:-300}"
PORT="${ROSTER_SCALE_PORT:-5000}"
PG_SHARED_BUFFERS="${ROSTER_SCALE_PG_SHARED_BUFFERS:-512MB}"
OUT="${ROSTER_SCALE_OUT:-$(mktemp -d -t roster-scale-results.XXXXXX)}"
WORK="$(mktemp -d "${ROSTER_SCALE_WORK:-${TMPDIR:-/tmp}}/roster-scale-db.XXXXXX")"
SERVER_PID=""
mkdir -p "$OUT"

# find_postgres_bin and free_port, shared with the tests.
source "$ROOT/scripts/postgres.sh"
PG_DIR="" PG_BIN="" PG_RUN=()

stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
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

stop_postgres() {
  if [[ -n "$PG_DIR" && -d "$PG_DIR/data" ]]; then
    "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    cp "$PG_DIR/server.log" "$OUT/postgres-server.log" 2>/dev/null || true
  fi
}

cleanup() {
  stop_server
  stop_postgres
  if [[ "${ROSTER_SCALE_KEEP_DB:-0}" == "1" ]]; then
    echo "Databases kept in $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A PostgreSQL server for the benchmark, set up like scripts/postgres.sh but durable: fsync stays on;
# synchronous_commit=off matches SQLite's WAL with synchronous=NORMAL (a crash may lose the last
# commits, never corrupts).
start_postgres() {
  PG_BIN="$(find_postgres_bin)" || { echo "PostgreSQL is not installed (apt-get install -y postgresql)." >&2; exit 1; }
  PG_DIR="$WORK/postgres"
  mkdir -p "$PG_DIR"
  # PostgreSQL refuses to run as root: run it as the 'postgres' user then.
  if [[ "$(id -u)" -eq 0 ]]; then
    # mktemp makes $WORK private to root; the postgres user only needs to pass through it.
    chmod 711 "$WORK"
    chown postgres: "$PG_DIR"
    chmod 700 "$PG_DIR"
    PG_RUN=(runuser -u postgres --)
  fi
  "${PG_RUN[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U roster --auth=trust -E UTF8 --locale=C.UTF-8 >"$OUT/postgres-initdb.log" 2>&1
  PG_PORT="$(free_port)"
  "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c synchronous_commit=off -c shared_buffers=$PG_SHARED_BUFFERS -c max_connections=300 ${ROSTER_SCALE_PG_OPTIONS:-}" \
    start >/dev/null || { cat "$PG_DIR/server.log" >&2; exit 1; }
  psql -X -q "postgresql://roster@127.0.0.1:$PG_PORT/postgres" -c "CREATE DATABASE roster_scale"
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (shared_buffers=$PG_SHARED_BUFFERS, synchronous_commit=off)"
}

target_path() {
  dotnet msbuild "$1" -nologo -getProperty:TargetPath -p:Configuration=Release
}

json_string() {
  sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\([^\"]*\)\".*/\1/p" | head -n 1
}

start_server() {
  local log="$1"
  # `dotnet app.dll` runs the app in this very process, so $! is the server's PID.
  Storage__Provider="$PROVIDER" Roster__RateLimits__Enabled="${ROSTER_SCALE_RATE_LIMITS:-false}" dotnet "$CLI_DLL" serve --data "$DATA" --urls "http://127.0.0.1:$PORT" >"$log" 2>&1 &
  SERVER_PID=$!
  for attempt in $(seq 1 240); do
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "The server exited during start-up:" >&2; tail -n 40 "$log" >&2; exit 1; }
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
      return 0
    fi
    [[ "$attempt" == 240 ]] && { echo "The server did not listen on port $PORT within 120 s" >&2; exit 1; }
    sleep 0.5
  done
}

bench() {
  local name="$1"
  shift
  echo
  echo "== $PROVIDER: $name =="
  # Other work on the machine shares its cores with the server and the bench: say how busy it was.
  echo "load average before $name: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/$PROVIDER-load.txt"
  dotnet "$BENCH_DLL" run --base-url "$BASE_URL" --token "$TOKEN" --server-pid "$SERVER_PID" \
    --concurrency "$CONCURRENCY" --json "$OUT/$PROVIDER-$name.json" "$@" | tee "$OUT/$PROVIDER-$name.txt"
}

# An administrator signed in to the admin API by email and password, as a person would be: created
# and invited with the CLI (the invitation lands in the mail pickup folder), activated with the
# token from its link. Sets ADMIN_EMAIL and ADMIN_PASSWORD.
create_admin() {
  local pickup="$WORK/mail-$PROVIDER" created employee_id link_token
  ADMIN_EMAIL="bench-admin@example.com"
  ADMIN_PASSWORD="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  created="$(Storage__Provider="$PROVIDER" dotnet "$CLI_DLL" employees create --data "$DATA" --tenant "$ORG_ID" \
    --email "$ADMIN_EMAIL" --first-name Bench --last-name Admin --role Administrator --json)"
  employee_id="$(json_string id <<<"$created")"
  Storage__Provider="$PROVIDER" Roster__Mail__PickupFolder="$pickup" \
    dotnet "$CLI_DLL" employees invite --data "$DATA" --tenant "$ORG_ID" --id "$employee_id" --public-url "http://127.0.0.1:$PORT" >/dev/null
  link_token="$(grep -h -o 'activate#token=[A-Za-z0-9._~-]*' "$pickup"/*.eml | head -n 1 | cut -d= -f2-)"
  curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' \
    -d "{\"token\":\"$link_token\",\"password\":\"$ADMIN_PASSWORD\"}" "http://127.0.0.1:$PORT/api/v1/activation" ||
    { echo "The benchmark's administrator could not be activated." >&2; exit 1; }
}

# The time of a few pages deep in a startIndex walk (the last page), which a walk stopped early never reaches.
deep_pages() {
  local start=$((USERS - 99)) times
  times="$(for _ in 1 2 3 4 5; do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$BASE_URL/Users?startIndex=$start&count=100"
  done | sort -n | tr '\n' ' ')"
  echo "deep startIndex page (startIndex=$start, count=100), 5 requests, seconds sorted: $times" | tee "$OUT/$PROVIDER-deep-page.txt"
}

database_size() {
  if [[ "$PROVIDER" == sqlite ]]; then
    du -sh "$WORK/sqlite" | cut -f1
  else
    psql -X -A -t "$PSQL_URL" -c "SELECT pg_size_pretty(pg_database_size('roster_scale'))"
  fi
}

echo "== Building (Release) =="
dotnet build "$ROOT/src/Roster.Cli" -c Release -nologo -v quiet
dotnet build "$ROOT/bench/Roster.Bench" -c Release -nologo -v quiet
CLI_DLL="$(target_path "$ROOT/src/Roster.Cli")"
BENCH_DLL="$(target_path "$ROOT/bench/Roster.Bench")"
echo "$(nproc) cores; databases in $WORK; reports in $OUT"

for PROVIDER in $DATABASES; do
  echo
  echo "######## $PROVIDER ########"
  if [[ "$PROVIDER" == sqlite ]]; then
    mkdir -p "$WORK/sqlite"
    DATA="$WORK/sqlite/roster.db"
    SEED_TARGET="$DATA"
  else
    start_postgres
    DATA="Host=127.0.0.1;Port=$PG_PORT;Username=roster;Database=roster_scale"
    PSQL_URL="postgresql://roster@127.0.0.1:$PG_PORT/roster_scale"
    SEED_TARGET="$PSQL_URL"
  fi

  INIT_JSON="$(Storage__Provider="$PROVIDER" dotnet "$CLI_DLL" init --data "$DATA" --json)"
  ORG_ID="$(json_string orgId <<<"$INIT_JSON")"
  TOKEN="$(json_string token <<<"$INIT_JSON")"
  BASE_URL="http://127.0.0.1:$PORT/scim/v2/$ORG_ID"

  seeded=0
  for size in $STEPS $USERS; do
    groups=0
    [[ "$size" == "$USERS" ]] && groups="$GROUP_COUNT"
    echo
    echo "== $PROVIDER: seeding users $seeded..$((size - 1))$([[ $groups -gt 0 ]] && echo ", $groups groups, big group of $BIG_GROUP") =="
    df -h "$WORK" | tail -n 1
    started=$(date +%s.%N)
    "$ROOT/bench/seed.sh" "$PROVIDER" "$SEED_TARGET" "$ORG_ID" "$seeded" "$size" "$groups" "$BIG_GROUP"
    echo "seeded in $(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s; database size $(database_size)" | tee "$OUT/$PROVIDER-seed-$size.txt"
    seeded="$size"

    start_server "$OUT/$PROVIDER-server-$size.log"
    bench "lookup-$size" --phases lookup --seeded-users "$size" --lookups "$LOOKUPS"
    if [[ "$size" == "$USERS" ]]; then
      bench "bigmember-$size" --phases bigmember --seeded-users "$size" --big-group-members "$BIG_GROUP"
      if [[ "${ROSTER_SCALE_ROLEMAP:-1}" != 0 ]]; then
        create_admin
        bench "rolemap-$size" --phases rolemap --seeded-users "$size" --big-group-members "$BIG_GROUP" \
          --admin-url "http://127.0.0.1:$PORT/api/v1/orgs/$ORG_ID" --admin-user "$ADMIN_EMAIL" --admin-password "$ADMIN_PASSWORD"
      fi
      bench "create-$size" --phases create --users "$CREATES"
      if [[ "${ROSTER_SCALE_LIST:-1}" != 0 ]]; then
        bench "list-$size" --phases list --phase-timeout "$WALK_TIMEOUT"
        deep_pages
      fi
      grep -E "VmHWM|VmRSS" "/proc/$SERVER_PID/status" | tee "$OUT/$PROVIDER-server-memory.txt"
    fi
    stop_server
  done
  echo "$PROVIDER database size at the end: $(database_size)" | tee "$OUT/$PROVIDER-size.txt"
  stop_postgres
done

echo
echo "== Digest ($(nproc) cores) =="
for PROVIDER in $DATABASES; do
  echo "-- $PROVIDER"
  cat "$OUT/$PROVIDER"-seed-*.txt "$OUT/$PROVIDER-size.txt" 2>/dev/null || true
  grep -h -E "^(lookup|bigmember-add1|bigmember-remove1|rolemap-[a-z1-]*|create|list-index|list-cursor|list-groups) " "$OUT/$PROVIDER"-*.txt 2>/dev/null | sort -u || true
  cat "$OUT/$PROVIDER-deep-page.txt" "$OUT/$PROVIDER-server-memory.txt" "$OUT/$PROVIDER-load.txt" 2>/dev/null || true
done
echo "Reports, JSON and server logs are in $OUT"
