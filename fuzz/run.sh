#!/usr/bin/env bash
# Coverage-guided fuzzing of Roster's protocol core with AFL++ and SharpFuzz.
#
#   bash fuzz/run.sh <filter|path|patch|json> <seconds>
#
# Builds fuzz/Roster.Fuzz, instruments Roster.Scim.dll with SharpFuzz, runs afl-fuzz for the
# given time on fuzz/corpus/<target>, then prints executions and crashes, and replays every
# crash to show its exception. Findings (and the queue AFL grew) stay in fuzz/findings/<target>,
# so a second run resumes where the first stopped. Without afl-fuzz on the PATH it falls back
# to Roster.Fuzz's in-process random mutation (no coverage feedback).
set -euo pipefail

target="${1:?usage: fuzz/run.sh <filter|path|patch|json> <seconds>}"
seconds="${2:?usage: fuzz/run.sh <filter|path|patch|json> <seconds>}"
case "$target" in filter|path|patch|json) ;; *) echo "unknown target: $target" >&2; exit 2 ;; esac

here="$(cd "$(dirname "$0")" && pwd)"
out="$here/.out/$target"
findings="$here/findings/$target"
corpus="$here/corpus/$target"

rm -rf "$out"
dotnet publish "$here/Roster.Fuzz/Roster.Fuzz.csproj" -c Release -o "$out" --nologo -v quiet

if ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "afl-fuzz not found (Debian: apt-get install afl++); running the random-mutation driver instead." >&2
  dotnet "$out/Roster.Fuzz.dll" "$target" --random "$seconds" "$corpus" "$findings/random"
  exit $?
fi

sharpfuzz_tool="$(command -v sharpfuzz || true)"
if [ -z "$sharpfuzz_tool" ]; then
  if [ ! -x "$here/.tools/sharpfuzz" ]; then
    dotnet tool install --tool-path "$here/.tools" SharpFuzz.CommandLine --version 2.3.0 >/dev/null
  fi
  sharpfuzz_tool="$here/.tools/sharpfuzz"
fi
"$sharpfuzz_tool" "$out/Roster.Scim.dll"

mkdir -p "$findings"
# The target is the dotnet host, which AFL cannot see instrumented (SharpFuzz reports coverage
# itself); containers have no CPU frequency governor and no core_pattern to tune; AFL_NO_AFFINITY
# leaves the scheduler free on a shared machine.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_AUTORESUME=1 AFL_QUIET=1
if ! afl-fuzz -i "$corpus" -o "$findings" -t 5000 -m none -V "$seconds" -- dotnet "$out/Roster.Fuzz.dll" "$target" \
  > "$findings/afl.log" 2>&1; then
  # AFL itself could not run here (shared memory, a sandbox): say why, then fuzz without it.
  tail -n 30 "$findings/afl.log" >&2
  echo "afl-fuzz failed to run; running the random-mutation driver instead." >&2
  dotnet "$out/Roster.Fuzz.dll" "$target" --random "$seconds" "$corpus" "$findings/random"
  exit $?
fi

stats="$findings/default/fuzzer_stats"
value() { awk -F' *: *' -v key="$1" '$1 == key { print $2 }' "$stats"; }
# fuzzer_stats adds up every run since fuzz/findings/<target> was created.
echo "target $target (all runs so far): $(value execs_done) executions in $(value run_time) s ($(value execs_per_sec)/s), corpus $(value corpus_count), edges $(value edges_found), crashes $(value saved_crashes), hangs $(value saved_hangs)"

crashes=("$findings"/default/crashes/id:*)
if [ -e "${crashes[0]}" ]; then
  echo "Crashes (replayed):"
  dotnet "$out/Roster.Fuzz.dll" "$target" --replay "$findings/default/crashes" || true
  exit 1
fi
