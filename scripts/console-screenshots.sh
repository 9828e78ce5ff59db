#!/usr/bin/env bash
# Photographs the console's main pages into docs/screenshots (headless Chromium, see README).
set -euo pipefail
cd "$(dirname "$0")/.."
export ROSTER_SCREENSHOTS="$PWD/docs/screenshots"
dotnet test tests/Roster.Console.Tests -c Release --filter "Category=Screenshots"
