#!/usr/bin/env bash
# Fuzz the readers and the DOT writer with AFL++ (Debian package afl++) and SharpFuzz.
#   tests/AiContagion.Fuzz/fuzz.sh <json|csv|graphml|dot> [seconds]    default 1800 s
# Findings land in artifacts/fuzz/<target>/default/{crashes,hangs}; replay them with
#   dotnet artifacts/fuzz/bin/AiContagion.Fuzz.dll <target> --replay artifacts/fuzz/<target>/default/crashes
set -euo pipefail
target=${1:?target: json, csv, graphml or dot}
seconds=${2:-1800}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/artifacts/fuzz"
bin="$out/bin"

command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install -y afl++" >&2; exit 2; }
command -v sharpfuzz >/dev/null || export PATH="$PATH:$HOME/.dotnet/tools"
command -v sharpfuzz >/dev/null || dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0

if [ ! -f "$bin/.instrumented" ]; then
  dotnet publish "$here/AiContagion.Fuzz.csproj" -c Release -o "$bin" --nologo -v quiet
  sharpfuzz "$bin/AiContagion.dll"
  touch "$bin/.instrumented"
fi

mkdir -p "$out/$target"
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
afl-fuzz -i "$here/corpus/$target" -o "$out/$target" -t 5000 -m none -V "$seconds" -- dotnet "$bin/AiContagion.Fuzz.dll" "$target" 2>&1 | tail -n 40 || true
echo "== $target: $(grep -E 'execs_done|run_time|saved_crashes|saved_hangs' "$out/$target/default/fuzzer_stats" | tr -s ' ' | tr '\n' ' ')"
