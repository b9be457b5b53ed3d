#!/usr/bin/env bash
# Install test: packs AiContagion and the aicontagion tool as a user would get them, checks what the packages hold,
# then installs them the way a user would, from a local feed, in a temporary folder outside the repository.
# The tool is three packages (docs/performance.md, "The command line"): AiContagion.Cli (the one users name: it points
# at the others), AiContagion.Cli.linux-x64 (Native AOT, packed with -r linux-x64 on a Linux x64 machine only: Native
# AOT does not cross-compile between operating systems) and AiContagion.Cli.any (framework-dependent, for every other
# machine). `dotnet tool install` picks the package for the machine's runtime identifier.
#   - the native tool is what installs on linux-x64, and its output equals that of the CLI built from this checkout;
#   - a fresh console app references the AiContagion package, loads graphs/toy-chain.json, ranks the funding
#     sources and writes a DOT diagram; its ranking must equal the tool's and the DOT must be a digraph
#     (rendered with Graphviz when `dot` is installed);
#   - the AiContagion.Cli tool installs into a tool path and `aicontagion rank` runs on the AI chain; its output
#     must equal that of the CLI built from this checkout.
# Prints one line per check, "ok - NAME" or "not ok - NAME" (with the reason below it), and exits non-zero when
# any check failed. .ci/run counts these lines into its closing "N passed, N failed, N skipped" line.
#
# Network: the console app restores the library's dependencies (QuikGraph, MathNet.Numerics, Sep, ScottPlot, ...)
# through the configured NuGet sources, using the global packages folder as a read-only fallback so nothing is
# downloaded again when `dotnet test` already restored them. The AiContagion packages come only from the local
# feed; the app's own packages folder is temporary, so a stale AiContagion 0.1.0 can never be picked up.
#
# Usage: .ci/install-test.sh [--keep]   (--keep leaves the temporary folder for inspection)
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

keep=0
[ "${1:-}" = "--keep" ] && keep=1

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -n 1)
work=$(mktemp -d "${TMPDIR:-/tmp}/aicontagion-install.XXXXXX")
cleanup() { if [ "$keep" = "1" ]; then echo "kept $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT

feed="$work/feed"
log="$work/log"
mkdir -p "$feed" "$log"
failures=0

ok() { echo "ok - $1"; }
not_ok() {
  echo "not ok - $1"
  shift
  for reason in "$@"; do echo "    $reason"; done
  failures=$((failures + 1))
}
# Runs a command with its output in a log file; shows the log's tail when it fails.
run_logged() {
  local name=$1; shift
  if "$@" >"$log/$name.txt" 2>&1; then return 0; fi
  echo "    command failed: $*"
  tail -n 25 "$log/$name.txt" | sed 's/^/    | /'
  return 1
}

# ---------------------------------------------------------------------------------------------------------------
# 1. Pack both packages (Release, deterministic CI build).
pack_ok=1
cli=src/AiContagion.Cli/AiContagion.Cli.csproj
native_rid=""
[ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ] && native_rid=linux-x64
run_logged pack-library dotnet pack src/AiContagion/AiContagion.csproj -c Release -o "$feed" -p:ContinuousIntegrationBuild=true || pack_ok=0
# The tool: the pointer package, the framework-dependent one, then the native one for this machine.
run_logged pack-tool dotnet pack "$cli" -c Release -o "$feed" -p:ContinuousIntegrationBuild=true || pack_ok=0
run_logged pack-tool-any dotnet pack "$cli" -c Release -r any -o "$feed" -p:ContinuousIntegrationBuild=true || pack_ok=0
if [ -n "$native_rid" ]; then
  run_logged pack-tool-native dotnet pack "$cli" -c Release -r "$native_rid" -o "$feed" -p:ContinuousIntegrationBuild=true || pack_ok=0
fi
library_package="$feed/AiContagion.$version.nupkg"
symbols_package="$feed/AiContagion.$version.snupkg"
tool_package="$feed/AiContagion.Cli.$version.nupkg"
any_package="$feed/AiContagion.Cli.any.$version.nupkg"
native_package="$feed/AiContagion.Cli.linux-x64.$version.nupkg"
expected_packages="AiContagion.$version.nupkg, AiContagion.$version.snupkg, AiContagion.Cli.$version.nupkg, AiContagion.Cli.any.$version.nupkg"
[ -n "$native_rid" ] && expected_packages="$expected_packages, AiContagion.Cli.linux-x64.$version.nupkg"
if [ "$pack_ok" = "1" ] && [ -f "$library_package" ] && [ -f "$symbols_package" ] && [ -f "$tool_package" ] && [ -f "$any_package" ] \
   && { [ -z "$native_rid" ] || [ -f "$native_package" ]; }; then
  ok "pack: $expected_packages"
else
  not_ok "pack: $expected_packages" "feed holds: $(ls "$feed" | tr '\n' ' ')"
  pack_ok=0
fi

# ---------------------------------------------------------------------------------------------------------------
# 2. What the packages hold: README, licence, description, tags, repository commit, XML docs, Source Link, tool
#    settings. Read with Python's zipfile (standard library only).
if [ "$pack_ok" = "1" ]; then
  commit=$(git rev-parse HEAD 2>/dev/null || echo "")
  if problems=$(python3 - "$library_package" "$symbols_package" "$tool_package" "$commit" "$any_package" "$native_package" "$native_rid" <<'PY'
import re, sys, zipfile
library, symbols, tool, commit, any_tool, native_tool, native_rid = sys.argv[1:8]
problems = []

def nuspec(z):
    name = next(n for n in z.namelist() if n.endswith(".nuspec"))
    return z.read(name).decode("utf-8-sig")

with zipfile.ZipFile(library) as z:
    names = set(z.namelist())
    for required in ["README.md", "LICENSE", "lib/net10.0/AiContagion.dll", "lib/net10.0/AiContagion.xml"]:
        if required not in names:
            problems.append(f"library package lacks {required}")
    spec = nuspec(z)
    for pattern, what in [
        (r'<license type="expression">MIT</license>', "MIT licence expression"),
        (r"<readme>README.md</readme>", "readme"),
        (r"<description>.{40,}</description>", "description"),
        (r"<tags>[^<]*contagion[^<]*</tags>", "tags"),
        (r'<repository type="git" url="https://github.com/aicontagion/aicontagion"[^>]*commit="' + (re.escape(commit) if commit else "[0-9a-f]{40}") + '"',
         "repository url and commit " + (commit or "(any)")),
    ]:
        if not re.search(pattern, spec, re.S):
            problems.append(f"library nuspec lacks the {what}")
    if "lib/net10.0/AiContagion.xml" in names:
        docs = z.read("lib/net10.0/AiContagion.xml").decode("utf-8")
        members = len(re.findall(r'<member name="', docs))
        if members < 500 or '<member name="T:AiContagion.Model.FinancingNetwork">' not in docs:
            problems.append(f"XML documentation looks incomplete ({members} members)")

with zipfile.ZipFile(symbols) as z:
    if "lib/net10.0/AiContagion.pdb" not in z.namelist():
        problems.append("symbol package lacks lib/net10.0/AiContagion.pdb")
    else:
        pdb = z.read("lib/net10.0/AiContagion.pdb")
        link = re.search(rb'\{"documents":\{"[^"]*":"(https://raw\.githubusercontent\.com/aicontagion/aicontagion/([0-9a-f]{40})/\*)"\}\}', pdb)
        if link is None:
            problems.append("PDB carries no Source Link to raw.githubusercontent.com/aicontagion/aicontagion")
        elif commit and link.group(2).decode() != commit:
            problems.append(f"Source Link names commit {link.group(2).decode()}, not {commit}")
        if b"/work/" in pdb or b"/home/" in pdb or b"/tmp/" in pdb:
            problems.append("PDB holds a machine path (the build was not a deterministic CI build)")

def tool_settings(z, folder):
    name = folder + "/DotnetToolSettings.xml"
    if name not in z.namelist():
        problems.append(f"{z.filename.rsplit('/', 1)[-1]} lacks {name}")
        return ""
    settings = z.read(name).decode("utf-8-sig")
    if 'Name="aicontagion"' not in settings:
        problems.append(f"{z.filename.rsplit('/', 1)[-1]}: tool command name is not aicontagion")
    return settings

# The package users name: README, licence, and the RID packages it points at (no implementation of its own).
with zipfile.ZipFile(tool) as z:
    names = set(z.namelist())
    for required in ["README.md", "LICENSE"]:
        if required not in names:
            problems.append(f"tool package lacks {required}")
    settings = tool_settings(z, "tools/any/any")
    for rid, package in [("linux-x64", "AiContagion.Cli.linux-x64"), ("any", "AiContagion.Cli.any")]:
        if f'RuntimeIdentifier="{rid}" Id="{package}"' not in settings:
            problems.append(f"tool package does not point {rid} at {package}")
    spec = nuspec(z)
    if '<packageType name="DotnetTool"' not in spec:
        problems.append("tool package is not of type DotnetTool")
    if '<license type="expression">MIT</license>' not in spec:
        problems.append("tool nuspec lacks the MIT licence expression")

# Framework-dependent: the assemblies, run by the installed .NET.
with zipfile.ZipFile(any_tool) as z:
    names = set(z.namelist())
    for required in ["tools/net10.0/any/AiContagion.Cli.dll", "tools/net10.0/any/AiContagion.dll"]:
        if required not in names:
            problems.append(f"any package lacks {required}")
    tool_settings(z, "tools/net10.0/any")
    if '<packageType name="DotnetToolRidPackage"' not in nuspec(z):
        problems.append("any package is not of type DotnetToolRidPackage")

# Native AOT: one executable (and the chart library's native code), no assemblies to JIT.
if native_rid:
    with zipfile.ZipFile(native_tool) as z:
        names = set(z.namelist())
        folder = f"tools/any/{native_rid}"
        executable = folder + "/AiContagion.Cli"
        if executable not in names:
            problems.append(f"native package lacks {executable}")
        elif z.read(executable)[:4] != b"\x7fELF":
            problems.append(f"{executable} is not an ELF executable")
        if any(n.endswith(".dll") for n in names):
            problems.append("native package holds assemblies: " + ", ".join(sorted(n for n in names if n.endswith(".dll"))[:3]))
        tool_settings(z, folder)
        if '<packageType name="DotnetToolRidPackage"' not in nuspec(z):
            problems.append("native package is not of type DotnetToolRidPackage")

print("\n".join(problems))
sys.exit(1 if problems else 0)
PY
  ); then
    ok "package contents: README, LICENSE, MIT, description, tags, repository commit, XML docs, Source Link, tool settings, RID packages (framework-dependent and native)"
  else
    not_ok "package contents" "${problems:-python3 failed}"
  fi
else
  not_ok "package contents" "not checked: packing failed"
fi

# ---------------------------------------------------------------------------------------------------------------
# 3. Deterministic build: compile the library again from scratch; the DLL must equal the packed one byte for byte.
if [ "$pack_ok" = "1" ]; then
  packed_hash=$(python3 -c 'import hashlib, sys, zipfile; print(hashlib.sha256(zipfile.ZipFile(sys.argv[1]).read("lib/net10.0/AiContagion.dll")).hexdigest())' "$library_package")
  if run_logged rebuild dotnet build src/AiContagion/AiContagion.csproj -c Release --no-incremental -p:ContinuousIntegrationBuild=true; then
    rebuilt_hash=$(sha256sum src/AiContagion/bin/Release/net10.0/AiContagion.dll | cut -d' ' -f1)
    if [ "$packed_hash" = "$rebuilt_hash" ]; then
      ok "deterministic: a clean rebuild gives the packed AiContagion.dll byte for byte (sha256 ${packed_hash:0:16}...)"
    else
      not_ok "deterministic build" "packed $packed_hash, rebuilt $rebuilt_hash"
    fi
  else
    not_ok "deterministic build" "the rebuild failed"
  fi
else
  not_ok "deterministic build" "not checked: packing failed"
fi

# ---------------------------------------------------------------------------------------------------------------
# NuGet configuration for the installs: the local feed first; the configured sources (the nuget.org mirror) stay
# for the library's own dependencies. Packages go to a temporary folder, with the global packages folder as a
# read-only fallback unless it somehow holds an AiContagion package (which could be stale).
packages="$work/packages"
global_packages=$(dotnet nuget locals global-packages --list 2>/dev/null | sed -n 's/^global-packages: *//p' | sed 's:/*$::')
fallback=""
if [ -n "$global_packages" ] && [ -d "$global_packages" ] && [ ! -d "$global_packages/aicontagion" ] && [ ! -d "$global_packages/aicontagion.cli" ]; then
  fallback="<fallbackPackageFolders><add key=\"global\" value=\"$global_packages\" /></fallbackPackageFolders>"
fi
cat >"$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value="$packages" /></config>
  <packageSources><add key="aicontagion-local" value="$feed" /></packageSources>
  $fallback
</configuration>
XML
# The tool package carries everything it needs: install it from the local feed alone.
cat >"$work/tool-nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources><clear /><add key="aicontagion-local" value="$feed" /></packageSources>
</configuration>
XML

cli_dll="$repo/src/AiContagion.Cli/bin/Release/net10.0/AiContagion.Cli.dll"

# ---------------------------------------------------------------------------------------------------------------
# 4. The tool: install into a tool path from the local feed and rank the AI chain. On linux-x64 the command must be
#    the native executable; the framework-dependent package (what every other machine installs) is run with `dotnet`
#    from the package itself. Both must print what the CLI built from this checkout prints.
tool_name="tool: dotnet tool install AiContagion.Cli from the local feed; aicontagion rank graphs/ai-chain.json"
if [ "$pack_ok" = "1" ]; then
  tools="$work/tools"
  if run_logged tool-install dotnet tool install AiContagion.Cli --version "$version" --tool-path "$tools" --configfile "$work/tool-nuget.config"; then
    installed=$(readlink -f "$tools/aicontagion")
    if [ -n "$native_rid" ] && { [ "$(head -c 4 "$installed" | od -An -c | tr -d ' ')" != '177ELF' ] || [ -e "$(dirname "$installed")/AiContagion.dll" ]; }; then
      not_ok "$tool_name" "on $native_rid the installed command is not the native executable: $installed"
    elif run_logged tool-rank "$tools/aicontagion" rank graphs/ai-chain.json \
       && run_logged tool-rank-json "$tools/aicontagion" rank graphs/ai-chain.json --json \
       && run_logged repo-rank-json dotnet "$cli_dll" rank graphs/ai-chain.json --json; then
      if cmp -s "$log/tool-rank-json.txt" "$log/repo-rank-json.txt" && grep -q '"linksDown"' "$log/tool-rank-json.txt" \
         && grep -q "funding ranking" "$log/tool-rank.txt"; then
        ok "$tool_name${native_rid:+ (native $native_rid executable)}"
      else
        not_ok "$tool_name" "the installed tool's ranking differs from this checkout's CLI:" \
          "$(diff "$log/tool-rank-json.txt" "$log/repo-rank-json.txt" | head -n 10)"
      fi
    else
      not_ok "$tool_name" "aicontagion rank failed"
    fi
  else
    not_ok "$tool_name" "dotnet tool install failed"
  fi

  any_name="tool: the framework-dependent package (AiContagion.Cli.any) runs with dotnet and ranks the AI chain alike"
  mkdir -p "$work/any"
  if python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$any_package" "$work/any" \
     && run_logged any-rank-json dotnet "$work/any/tools/net10.0/any/AiContagion.Cli.dll" rank graphs/ai-chain.json --json \
     && run_logged repo-rank-json dotnet "$cli_dll" rank graphs/ai-chain.json --json; then
    if cmp -s "$log/any-rank-json.txt" "$log/repo-rank-json.txt"; then
      ok "$any_name"
    else
      not_ok "$any_name" "$(diff "$log/any-rank-json.txt" "$log/repo-rank-json.txt" | head -n 10)"
    fi
  else
    not_ok "$any_name" "could not extract or run the package"
  fi
else
  not_ok "$tool_name" "not run: packing failed"
  not_ok "tool: the framework-dependent package" "not run: packing failed"
fi

# ---------------------------------------------------------------------------------------------------------------
# 5. The library: a fresh console app, AiContagion from the local feed, ten lines that load, rank and draw.
app_name="library: fresh console app + AiContagion package loads toy-chain.json, ranks the sources, writes DOT"
if [ "$pack_ok" = "1" ]; then
  app="$work/app"
  if run_logged new dotnet new console --name InstallCheck --output "$app" --framework net10.0 --no-update-check \
     && run_logged add-package dotnet add "$app/InstallCheck.csproj" package AiContagion --version "$version"; then
    cat >"$app/Program.cs" <<'CS'
using AiContagion;
using AiContagion.Export;
using AiContagion.Io;

var network = FinancingNetworkFile.Load(args[0]);
var ranking = new ContagionAnalyzer().Rank(network);
foreach (var entry in ranking.Entries)
    Console.WriteLine($"{entry.Rank} {entry.Label} {entry.LinksDown}");
var worst = new DiagramOverlays { Cascade = ModelOverlays.Cascade(ranking.Explain(ranking.Entries[0])) };
DotWriter.WriteFile(network, args[1], new DotOptions { Overlays = worst });
CS
    if run_logged app-run dotnet run --project "$app/InstallCheck.csproj" -- "$repo/graphs/toy-chain.json" "$work/toy-chain.dot" \
       && run_logged app-expected dotnet "$cli_dll" rank graphs/toy-chain.json --json; then
      expected=$(python3 -c 'import json, sys; [print(e["rank"], e["source"], e["linksDown"]) for e in json.load(open(sys.argv[1]))["ranking"]]' "$log/app-expected.txt")
      actual=$(cat "$log/app-run.txt")
      dot_problem=""
      if ! head -c 200 "$work/toy-chain.dot" 2>/dev/null | grep -q "digraph"; then
        dot_problem="toy-chain.dot is missing or not a digraph"
      elif command -v dot >/dev/null 2>&1 && ! dot -Tsvg "$work/toy-chain.dot" -o "$work/toy-chain.svg" 2>"$log/dot.txt"; then
        dot_problem="Graphviz rejects toy-chain.dot: $(head -n 3 "$log/dot.txt")"
      fi
      if [ "$actual" = "$expected" ] && [ -n "$expected" ] && [ -z "$dot_problem" ]; then
        ok "$app_name"
      else
        not_ok "$app_name" "expected ranking:" "$expected" "printed:" "$actual" "$dot_problem"
      fi
    else
      not_ok "$app_name" "the app did not build or run"
    fi
  else
    not_ok "$app_name" "dotnet new console or dotnet add package failed"
  fi
else
  not_ok "$app_name" "not run: packing failed"
fi

[ "$failures" = "0" ]
