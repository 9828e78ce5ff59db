#!/usr/bin/env bash
# Sourced by scripts/test.sh: a throw-away PostgreSQL server for the tests. start_test_postgres
# creates a cluster in a temp folder (fsync off: the data is thrown away), starts it on a free
# loopback port with its socket in the same folder, and exports ROSTER_TEST_POSTGRES (the Npgsql
# connection string of a superuser); stop_test_postgres stops it and deletes the folder.

find_postgres_bin() {
  local dir
  # Debian's versioned folders hold the real binaries (/usr/bin/pg_ctl is a wrapper script).
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) /usr/local/pgsql/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then
      echo "$dir"
      return 0
    fi
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return 0
  fi
  return 1
}

# A high port nobody answers on; pg_ctl start fails (and is retried) if it is taken meanwhile.
free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
}

start_test_postgres() {
  local bin
  if ! bin=$(find_postgres_bin); then
    echo "PostgreSQL is not installed, and the tests run on PostgreSQL as well as SQLite." >&2
    echo "Install it with 'apt-get install -y postgresql' (Debian/Ubuntu; .ci/run does this)." >&2
    return 1
  fi

  PG_TEST_DIR=$(mktemp -d /tmp/roster-postgres.XXXXXX)
  # PostgreSQL refuses to run as root: run it as the 'postgres' user then.
  PG_RUN=()
  if [ "$(id -u)" -eq 0 ]; then
    if ! id postgres >/dev/null 2>&1; then
      echo "Running as root and there is no 'postgres' user to run PostgreSQL as; install the 'postgresql' package or run as another user." >&2
      return 1
    fi
    chown postgres: "$PG_TEST_DIR"
    chmod 700 "$PG_TEST_DIR"
    PG_RUN=(runuser -u postgres --)
  fi

  "${PG_RUN[@]}" "$bin/initdb" -D "$PG_TEST_DIR/data" -U roster --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_TEST_DIR/initdb.log" 2>&1 \
    || { cat "$PG_TEST_DIR/initdb.log" >&2; return 1; }
  local port attempt
  for attempt in 1 2 3; do
    port=$(free_port)
    if "${PG_RUN[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_TEST_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null; then
      break
    fi
    if [ "$attempt" -eq 3 ]; then
      cat "$PG_TEST_DIR/server.log" >&2
      return 1
    fi
  done
  PG_TEST_BIN=$bin
  export ROSTER_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=roster;Database=postgres"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') for the tests on 127.0.0.1:$port"
}

stop_test_postgres() {
  if [ -n "${PG_TEST_DIR:-}" ] && [ -d "$PG_TEST_DIR" ]; then
    "${PG_RUN[@]}" "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_TEST_DIR"
  fi
}
