#!/usr/bin/env bash
# Tests the release artifact as an operator installs it: publishes the self-contained single-file
# roster for linux-x64 (scripts/publish.sh; the arm64 build is the same command with another
# runtime and is not run here, it takes as long again), then
#   1. runs the binary itself: --version, serve on a loopback port, /health/ready with the same
#      version, a SCIM call with the first-start token, SIGTERM and exit code 0;
#   2. if podman can run containers here, builds the image of ./Dockerfile on a base made from
#      Debian's packages (no registry image is reachable from CI), runs it with a read-only root
#      file system and a /data volume, and checks the same, plus that it runs as uid 10001 and its
#      files in /data are that user's; if podman cannot, says so.
# Prints "Passed: N" and "Failed: N" lines (scripts/test.sh adds them up). ROSTER_DIST reuses a
# published dist folder instead of publishing.
set -uo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
passed=0
failed=0
container=""
volume=""
cleanup() {
  if [ -n "$container" ]; then podman rm -f "$container" >/dev/null 2>&1; fi
  if [ -n "$volume" ]; then podman volume rm -f "$volume" >/dev/null 2>&1; fi
  if [ -n "${server_pid:-}" ] && kill -0 "$server_pid" 2>/dev/null; then kill -KILL "$server_pid"; fi
  podman rmi -f localhost/roster-package-test:latest localhost/roster-package-base:latest >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

check() { # check NAME COMMAND...: one result line per check
  local name=$1; shift
  if "$@"; then echo "  ok: $name"; passed=$((passed + 1)); else echo "  FAILED: $name"; failed=$((failed + 1)); fi
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_ready() { # wait_ready URL: until /health/ready answers 200 (60 s)
  for _ in $(seq 1 300); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$1/health/ready")" = "200" ]; then return 0; fi
    sleep 0.2
  done
  return 1
}
scim_ok() { # scim_ok BASE_CONNECTOR_URL TOKEN: GET /Users answers 200
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $2" "$1/Users")" = "200" ]
}

dist="${ROSTER_DIST:-$work/dist}"
if [ ! -x "$dist/linux-x64/roster" ]; then
  ROSTER_RIDS=linux-x64 ROSTER_DIST="$dist" bash scripts/publish.sh || { echo "Failed: 1"; exit 1; }
fi
roster="$dist/linux-x64/roster"

echo "The published binary ($roster):"
version=$("$roster" --version)
check "roster --version prints a stamped version ($version)" bash -c "[[ '$version' =~ ^[0-9]+\.[0-9]+\.[0-9]+.*\+[0-9a-f]{7,}$ ]]"
port=$(free_port)
mkdir -p "$work/binary"
DOTNET_BUNDLE_EXTRACT_BASE_DIR="$work/binary/.bundle" Roster__Shutdown__DrainSeconds=1 \
  "$roster" serve --data "$work/binary/roster.db" --urls "http://127.0.0.1:$port" >"$work/binary/out.txt" 2>&1 &
server_pid=$!
check "serve answers /health/ready" wait_ready "http://127.0.0.1:$port"
check "/health/ready reports the same version" bash -c "curl -s http://127.0.0.1:$port/health/ready | grep -qF '\"version\":\"${version/+/\\u002B}\"'"
url=$(sed -n 's/^Base connector URL: *//p' "$work/binary/out.txt" | head -1)
token=$(sed -n 's/^SCIM token: *//p' "$work/binary/out.txt" | head -1)
check "the first-start token reads the tenant's users" scim_ok "$url" "$token"
kill -TERM "$server_pid"
wait "$server_pid"
code=$?
server_pid=""
check "SIGTERM stops it with exit code 0 (was $code)" test "$code" -eq 0
check "the key file beside the database is private" test "$(stat -c %a "$work/binary/roster.key")" = "600"

echo "The container image:"
if ! command -v podman >/dev/null 2>&1; then
  echo "  podman is not installed: the image is not tested here (apt-get install podman runc; .ci/run does this)."
else
  # A base like Microsoft's runtime-deps, from Debian's packages: glibc, libstdc++, OpenSSL, zlib,
  # ICU (without it .NET stops at its first culture lookup), CA certificates, and busybox for the
  # Dockerfile's one RUN line.
  mkdir -p "$work/base/rootfs/etc/ssl/certs" "$work/base/debs" "$work/base/rootfs/tmp"
  packages="libc6 libgcc-s1 libstdc++6 libssl3 zlib1g libicu72 busybox-static"
  (cd "$work/base/debs" && apt-get download $packages >/dev/null 2>&1) \
    || { apt-get update >/dev/null 2>&1 && (cd "$work/base/debs" && apt-get download $packages >/dev/null); }
  for deb in "$work"/base/debs/*.deb; do dpkg-deb -x "$deb" "$work/base/rootfs"; done
  mkdir -p "$work/base/rootfs/bin"
  for tool in sh mkdir chown true; do ln -sf /bin/busybox "$work/base/rootfs/bin/$tool"; done
  cp /etc/ssl/certs/ca-certificates.crt "$work/base/rootfs/etc/ssl/certs/"
  chmod 1777 "$work/base/rootfs/tmp"
  printf 'FROM scratch\nCOPY rootfs/ /\n' >"$work/base/Containerfile"
  podman build -q -t localhost/roster-package-base:latest "$work/base" >/dev/null

  # This machine may refuse crun's resource limits (a sandbox without CAP_SYS_RESOURCE): runc with
  # limits no higher than ours then runs the same image.
  run_args=()
  if ! podman run --rm localhost/roster-package-base:latest /bin/true >/dev/null 2>&1; then
    run_args=(--runtime runc --ulimit "nofile=$(ulimit -n):$(ulimit -n)" --ulimit "nproc=4096:4096")
  fi
  if ! probe=$(podman run --rm "${run_args[@]}" localhost/roster-package-base:latest /bin/true 2>&1); then
    echo "  podman cannot run containers on this machine ($probe): the image is not tested here; the published binary above is the same one it holds."
  else
    mkdir -p "$work/context/dist/linux-x64"
    cp Dockerfile "$work/context/"
    cp "$roster" "$work/context/dist/linux-x64/roster"
    check "the image builds" podman build -q --iidfile "$work/image-id" --pull=never "${run_args[@]}" --build-arg BASE=localhost/roster-package-base:latest --build-arg RID=linux-x64 \
      -t localhost/roster-package-test:latest "$work/context"
    port=$(free_port)
    volume="roster-package-test-$$"
    podman volume create "$volume" >/dev/null
    container=$(podman run -d --pull=never "${run_args[@]}" --read-only --tmpfs /tmp -v "$volume:/data" -p "127.0.0.1:$port:8080" \
      -e "Roster__PublicBaseUrl=http://127.0.0.1:$port" -e Roster__Shutdown__DrainSeconds=1 localhost/roster-package-test:latest)
    check "the container answers /health/ready (read-only root, /data volume)" wait_ready "http://127.0.0.1:$port"
    logs=$(podman logs "$container" 2>&1)
    url=$(sed -n 's/^Base connector URL: *//p' <<<"$logs" | head -1)
    token=$(sed -n 's/^SCIM token: *//p' <<<"$logs" | head -1)
    check "the first-start token reads the tenant's users" scim_ok "$url" "$token"
    check "it runs as uid 10001, not root" test "$(podman inspect -f '{{.Config.User}}' "$container")" = "10001:10001"
    data=$(podman volume inspect -f '{{.Mountpoint}}' "$volume")
    check "its database in /data belongs to uid 10001" test "$(stat -c %u "$data/roster.db")" = "10001"
    check "its key file in /data is private" test "$(stat -c %a "$data/roster.key")" = "600"
    podman stop -t 30 "$container" >/dev/null
    check "podman stop (SIGTERM) ends it with exit code 0" test "$(podman inspect -f '{{.State.ExitCode}}' "$container")" = "0"
  fi
fi

echo "Passed: $passed"
echo "Failed: $failed"
echo "package: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
