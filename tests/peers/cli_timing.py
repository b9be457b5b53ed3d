#!/usr/bin/python3
"""The installed `aicontagion` tool against pandas + igraph / NumPy scripts, whole process against whole process.

    /usr/bin/python3 tests/peers/cli_timing.py [--tool PATH] [--data DIR] [--runs 7] [--warmup 1]
        [--jobs validate,pagerank,flow,eisenberg-noe,...] [--no-peers] [--markdown FILE] [--update-doc docs/performance.md]

--tool is the tool as a user runs it (default: `aicontagion` on PATH, else ~/.dotnet/tools/aicontagion); --data the
CSV folder (default artifacts/bench-data/synthetic-1m, written by
`dotnet run -c Release --project tests/AiContagion.Benchmarks -- generate`). The peers are `cli_peers.py` (see its
docstring for what each job does) run with /usr/bin/python3.

What it does:

1. Picks the flow problem: the source is the funding entity (a funder sector, or fundingSource = true) with the
   largest out-strength, the sink the other entity with the largest in-strength.
2. Runs every job once on each side and checks the answers agree (counts for validate, the top 10 ids of PageRank,
   the max-flow value to 1e-9 relative, Eisenberg-Noe's defaulters and links down); a disagreement stops the run.
3. Times the jobs in interleaved rounds (round r runs every job, ours then the peer's, so a change in the machine's
   load falls on both sides alike): --warmup untimed rounds, then --runs timed ones. Each run is a child process
   with its standard output and error thrown away, started through GNU time (/usr/bin/time): wall clock from start
   to exit measured here, CPU time (user + system) and peak resident memory as GNU time reports them. The 1-minute load average is read before every run.
4. Prints a table of medians (min-max), CPU, peak memory, the speed-up (peer median / ours) and the load range;
   --markdown writes it as Markdown; --update-doc replaces the text between `<!-- cli:begin -->` and
   `<!-- cli:end -->` in that file.

Jobs without a peer: `startup` (`aicontagion --version`), `output-links` (the Eisenberg-Noe run that also writes
every link to a CSV file: the cost of --output-links is its median minus eisenberg-noe's), `output` (the same with
--output entities.csv) and `read` (`cat` of the two CSV files from the page cache: the I/O floor under loading).
"""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
PEERS = os.path.join(HERE, "cli_peers.py")
PYTHON = "/usr/bin/python3"
FUNDER_SECTORS = {"venturecapital", "privateequity", "privatecredit", "bank", "publicmarkets", "sovereign", "conglomerate"}
SHOCK = "0.08"
ALL_JOBS = ["startup", "read", "validate", "pagerank", "flow", "eisenberg-noe", "output-links", "output"]


def find_tool(given):
    if given:
        return os.path.abspath(given)
    on_path = shutil.which("aicontagion")
    if on_path:
        return on_path
    return os.path.expanduser("~/.dotnet/tools/aicontagion")


def flow_problem(folder):
    import pandas as pd
    entities = pd.read_csv(os.path.join(folder, "entities.csv"), dtype={"id": str, "sector": str})
    links = pd.read_csv(os.path.join(folder, "links.csv"), dtype={"from": str, "to": str, "kind": str})
    sector = entities["sector"].str.lower().str.replace(r"[\s_-]", "", regex=True)
    funding = sector.isin(FUNDER_SECTORS)
    if "fundingSource" in entities.columns:
        flag = entities["fundingSource"].astype(str).str.strip().str.lower()
        funding = (flag.isin(["true", "1"])) | ((flag.isin(["", "nan"])) & funding)
    out_strength = links.groupby("from")["amount"].sum()
    in_strength = links.groupby("to")["amount"].sum()
    funders = set(entities["id"][funding])
    source = out_strength[out_strength.index.isin(funders)].idxmax()
    sink = in_strength[in_strength.index != source].idxmax()
    return source, sink


def commands(tool, folder, source, sink, scratch):
    """job -> (ours argv, peer argv or None)."""
    peer = [PYTHON, PEERS]
    en = [tool, "cascade", folder, "--model", "eisenberg-noe", "--external-shock-all", SHOCK]
    return {
        "startup": ([tool, "--version"], None),
        "read": (["cat", os.path.join(folder, "entities.csv"), os.path.join(folder, "links.csv")], None),
        "validate": ([tool, "validate", folder], peer + ["validate", folder]),
        "pagerank": ([tool, "centrality", folder, "--measure", "pagerank", "--top", "10"], peer + ["pagerank", folder, "--top", "10"]),
        "flow": ([tool, "flow", folder, "--from", source, "--to", sink], peer + ["flow", folder, "--from", source, "--to", sink]),
        "eisenberg-noe": (en, peer + ["eisenberg-noe", folder, "--external-shock-all", SHOCK]),
        "output-links": (en + ["--output-links", os.path.join(scratch, "links.csv")], None),
        "output": (en + ["--output", os.path.join(scratch, "entities.csv")], None),
    }


def run_text(argv):
    done = subprocess.run(argv, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(argv)}\n{done.stderr}")
    return done.stdout


def check(job, tool, folder, source, sink, argv_ours, argv_peer):
    """Runs both sides once and returns a line saying how their answers agree (exits when they do not)."""
    if argv_peer is None:
        run_text(argv_ours)
        return None
    peer = run_text(argv_peer)
    if job == "validate":
        ours = run_text(argv_ours).strip()
        agree = ours == peer.strip()
        line = f"validate: ours '{ours}', peer '{peer.strip()}'"
    elif job == "pagerank":
        data = json.loads(run_text(argv_ours + ["--json"]))
        ours = [s["id"] for s in data["scores"][:10]]
        theirs = [row.split("\t")[1] for row in peer.splitlines()[1:11]]
        agree = ours == theirs
        line = f"pagerank: top 10 {'identical' if agree else 'differ'} ({', '.join(ours[:3])}, ...)"
    elif job == "flow":
        data = json.loads(run_text(argv_ours + ["--json"]))
        theirs = float(re.search(r"maximum flow ([0-9.e+-]+)", peer).group(1))
        agree = abs(data["maxFlow"] - theirs) <= 1e-9 * max(1.0, abs(theirs))
        line = f"flow {source} -> {sink}: ours {data['maxFlow']:.6f}, igraph {theirs:.6f}"
    elif job == "eisenberg-noe":
        data = json.loads(run_text(argv_ours + ["--json"]))
        failed, down = (int(x) for x in re.search(r"(\d+) entities failed, (\d+) of", peer).groups())
        agree = data["entitiesFailed"] == failed and data["linksDown"] == down
        line = (f"eisenberg-noe: ours {data['entitiesFailed']} failed / {data['linksDown']} links down in {data['rounds']} rounds, "
                f"NumPy {failed} / {down}")
    else:
        return None
    if not agree:
        sys.exit("answers differ: " + line)
    return "ok: " + line


def timed(argv):
    """(wall s, cpu s, peak MB, load) of one child run, output discarded. GNU time runs the command and reports its
    CPU time and peak resident memory (a child forked from this Python process would count Python's pages)."""
    load = os.getloadavg()[0]
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        start = time.perf_counter()
        code = subprocess.call(["/usr/bin/time", "-f", "%U %S %M", "-o", report.name] + argv,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - start
        if code != 0:
            sys.exit(f"failed ({code}) while timing: {' '.join(argv)}")
        user, system, peak_kb = report.read().split()[-3:]
    return wall, float(user) + float(system), int(peak_kb) / 1024.0, load


def seconds(value):
    return f"{value:.2f} s" if value >= 0.1 else f"{value * 1000:.0f} ms"


def spread(values):
    return f"{seconds(statistics.median(values))} ({seconds(min(values))}–{seconds(max(values))})"


def describe(argv, tool, folder):
    text = " ".join(argv).replace(tool, "aicontagion").replace(folder, "DATA").replace(PYTHON + " " + PEERS, "cli_peers.py")
    return re.sub(r"/\S*/(links|entities)\.csv", r"\1.csv", text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tool")
    parser.add_argument("--data", default=os.path.join(REPO, "artifacts", "bench-data", "synthetic-1m"))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--jobs", default=",".join(ALL_JOBS))
    parser.add_argument("--no-peers", action="store_true", help="time our side only (e.g. an older build of the tool)")
    parser.add_argument("--markdown")
    parser.add_argument("--update-doc")
    args = parser.parse_args()
    tool = find_tool(args.tool)
    folder = os.path.abspath(args.data)
    jobs = args.jobs.split(",")
    source, sink = flow_problem(folder)
    scratch = tempfile.mkdtemp(prefix="aicontagion-cli-timing.")
    try:
        table = commands(tool, folder, source, sink, scratch)
        if args.no_peers:
            table = {job: (ours, None) for job, (ours, _) in table.items()}
        checks = [c for j in jobs if (c := check(j, tool, folder, source, sink, *table[j]))]
        for line in checks:
            print(line, file=sys.stderr)
        started = datetime.datetime.now(datetime.timezone.utc)
        samples = {(j, side): [] for j in jobs for side in ("ours", "peer")}
        for round_ in range(args.warmup + args.runs):
            for job in jobs:
                for side, argv in zip(("ours", "peer"), table[job]):
                    if argv is None:
                        continue
                    sample = timed(argv)
                    if round_ >= args.warmup:
                        samples[(job, side)].append(sample)
            print(f"round {round_ + 1}/{args.warmup + args.runs} done, load {os.getloadavg()[0]:.2f}", file=sys.stderr)
        finished = datetime.datetime.now(datetime.timezone.utc)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    loads = [s[3] for v in samples.values() for s in v]
    lines = [
        f"Measured {started:%Y-%m-%d %H:%M}–{finished:%H:%M} UTC, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} cores; {args.runs} timed rounds after {args.warmup} warm-up, jobs interleaved; "
        f"1-minute load average during the runs {min(loads):.2f}–{max(loads):.2f}.",
        f"Tool: `{tool}`; data: `{os.path.relpath(folder, REPO)}`; flow from {source} to {sink}.",
        "",
        "| job | command | wall median (min–max) | CPU median | peak RSS | peer | peer wall median (min–max) | peer CPU | peer peak RSS | speed-up |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for job in jobs:
        ours = samples[(job, "ours")]
        peer = samples[(job, "peer")]
        argv_ours, argv_peer = table[job]
        row = [job, "`" + describe(argv_ours, tool, folder) + "`", spread([s[0] for s in ours]),
               seconds(statistics.median(s[1] for s in ours)), f"{max(s[2] for s in ours):.0f} MB"]
        if peer:
            speed = statistics.median(s[0] for s in peer) / statistics.median(s[0] for s in ours)
            row += ["`" + describe(argv_peer, tool, folder) + "`", spread([s[0] for s in peer]),
                    seconds(statistics.median(s[1] for s in peer)), f"{max(s[2] for s in peer):.0f} MB", f"{speed:.1f}×"]
        else:
            row += ["—"] * 5
        lines.append("| " + " | ".join(row) + " |")
    if "eisenberg-noe" in jobs:
        base = statistics.median(s[0] for s in samples[("eisenberg-noe", "ours")])
        for job, what in (("output-links", "--output-links links.csv"), ("output", "--output entities.csv")):
            if job in jobs:
                lines.append("")
                extra = statistics.median(s[0] for s in samples[(job, 'ours')]) - base
                lines.append(f"{what} adds {'−' if extra < 0 else ''}{seconds(abs(extra))} "
                             "(median of that job minus the Eisenberg–Noe summary's, same rounds).")
    lines += ["", "Answers checked:", ""] + [f"- {c}" for c in checks]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(text)
    if args.update_doc:
        with open(args.update_doc, encoding="utf-8") as f:
            doc = f.read()
        begin, end = "<!-- cli:begin -->", "<!-- cli:end -->"
        if begin not in doc or end not in doc:
            sys.exit(f"{args.update_doc} has no {begin} ... {end} block")
        head, rest = doc.split(begin, 1)
        _, tail = rest.split(end, 1)
        with open(args.update_doc, "w", encoding="utf-8") as f:
            f.write(head + begin + "\n" + text + end + tail)


if __name__ == "__main__":
    main()
