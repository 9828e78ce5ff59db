#!/usr/bin/env bash
# Builds the release artifact: a self-contained, single-file `roster` for each Linux runtime, into
# dist/<rid>/roster (no .NET needed on the target machine). The runtime packs come from NuGet.
#
#   bash scripts/publish.sh                      # linux-x64 and linux-arm64
#   ROSTER_RIDS=linux-x64 bash scripts/publish.sh
#   ROSTER_VERSION=1.4.0 bash scripts/publish.sh # the version `roster --version` and /health/ready report
#
# The version is ROSTER_VERSION, else the VersionPrefix of Directory.Build.props; the build adds
# "+<commit>" from git. SQLite's native library travels inside the file and is unpacked on first
# start under DOTNET_BUNDLE_EXTRACT_BASE_DIR (default ~/.net): a read-only system points it at a
# writable folder (the Dockerfile and deploy/roster.service do).
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
rids="${ROSTER_RIDS:-linux-x64 linux-arm64}"
output="${ROSTER_DIST:-dist}"
version_args=()
if [ -n "${ROSTER_VERSION:-}" ]; then
  version_args=("-p:Version=${ROSTER_VERSION}")
fi

for rid in $rids; do
  echo "Publishing roster for ${rid}..."
  dotnet publish src/Roster.Cli/Roster.Cli.csproj -c Release -r "$rid" --self-contained true \
    -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:DebugType=none \
    "${version_args[@]}" -o "${output}/${rid}" -v quiet -nologo
  # Only the executable is the artifact; a stray appsettings or pdb would confuse an install.
  find "${output}/${rid}" -mindepth 1 ! -name roster -delete
  echo "  ${output}/${rid}/roster ($(du -h "${output}/${rid}/roster" | cut -f1))"
done
