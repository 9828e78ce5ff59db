#!/usr/bin/env bash
# Bulk-seeds users, groups and memberships straight into a Roster database, for scale benchmarks:
# a million users through SCIM take a quarter of an hour per database, this takes about a minute.
# The rows match what `POST /Users` and `POST /Groups` store (bench/seed/*.sql say how); nothing is
# measured here, only loaded. Stop `roster serve` on a SQLite file first (its write gate is per process).
#
#   bench/seed.sh sqlite   DB_FILE TENANT_ID USER_FROM USER_TO [GROUPS=0] [BIG_GROUP=0]
#   bench/seed.sh postgres PSQL_URL TENANT_ID USER_FROM USER_TO [GROUPS=0] [BIG_GROUP=0]
#
# Inserts users seed-USER_FROM@example.com .. seed-(USER_TO-1)@example.com; with GROUPS > 0 also
# GROUPS groups (once per tenant: group 0 is seed-big-group, with users 0 .. BIG_GROUP-1, and every
# tenth user joins one of the others). PSQL_URL is a libpq URL, e.g. postgresql://roster@127.0.0.1:5432/roster.
set -euo pipefail

if [[ $# -lt 5 ]]; then
  sed -n '2,13p' "$0" >&2
  exit 2
fi

PROVIDER="$1" TARGET="$2" TENANT="$3" USER_FROM="$4" USER_TO="$5" GROUP_COUNT="${6:-0}" BIG_GROUP="${7:-0}"
SQL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/seed" && pwd)"
for number in "$USER_FROM" "$USER_TO" "$GROUP_COUNT" "$BIG_GROUP"; do
  [[ "$number" =~ ^[0-9]+$ ]] || { echo "Not a count: $number" >&2; exit 2; }
done
[[ "$TENANT" =~ ^[0-9a-fA-F-]{36}$ ]] || { echo "Not a tenant id: $TENANT" >&2; exit 2; }

case "$PROVIDER" in
  sqlite)
    # Roster keeps a GUID as its 16 big-endian bytes, which are the hex digits of its text form.
    TENANT_BLOB="X'${TENANT//-/}'"
    sqlite3 -bail "$TARGET" \
      -cmd ".parameter set @tenant $TENANT_BLOB" -cmd ".parameter set @user_from $USER_FROM" \
      -cmd ".parameter set @user_to $USER_TO" -cmd ".parameter set @groups $GROUP_COUNT" \
      -cmd ".parameter set @big_group $BIG_GROUP" <"$SQL_DIR/sqlite.sql"
    ;;
  postgres | postgresql)
    psql -X -q "$TARGET" -v ON_ERROR_STOP=1 -v tenant="$TENANT" -v user_from="$USER_FROM" -v user_to="$USER_TO" \
      -v groups="$GROUP_COUNT" -v big_group="$BIG_GROUP" -f "$SQL_DIR/postgres.sql"
    ;;
  *)
    echo "Unknown provider '$PROVIDER': sqlite or postgres." >&2
    exit 2
    ;;
esac
