#!/usr/bin/env python3
"""Run our strategies and the peer solvers on the same scenario files, one solve at a time.

    python3 compare.py --time-limit 60 --strategies milp,greedy --peers highs,cpsat,glpsol \
        --shopsched .build-peers/release/shopsched --out DIR [--skip-existing] FILE...

Every solve gets the same time limit and one thread. Ours run as
`shopsched solve FILE --strategy S --time-limit T --threads 1 --format json --output ...`,
peers as `python3 peers.py --solver P --time-limit T --threads 1 FILE --output ...`.
Every solution file is checked with `shopsched verify SCENARIO SOLUTION`.

Writes DIR/runs/*.json (solution files and per-run records), DIR/results.csv,
DIR/results.md (also printed) and DIR/plot.svg (via plot.py).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import signal
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CSV_FIELDS = ["file", "jobs", "days", "solver", "status", "objective", "bound", "seconds", "verified",
              "wall_seconds", "kind", "note"]


def run_process(cmd, hard_limit):
    """Run cmd in its own process group; kill that group if it outlives hard_limit."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=hard_limit)
        killed = False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        killed = True
    return proc.returncode, time.perf_counter() - t0, out, err, killed


def load_json(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def stems_for(files):
    """A short unique name per scenario file (basename without .json, made unique)."""
    seen = {}
    out = []
    for f in files:
        base = os.path.basename(f)
        for suf in (".scenario.json", ".json"):
            if base.endswith(suf):
                base = base[: -len(suf)]
                break
        n = seen.get(base, 0)
        seen[base] = n + 1
        out.append(base if n == 0 else f"{base}-{n + 1}")
    return out


def fmt(v, nd=3):
    if v is None or v == "":
        return "–"
    if isinstance(v, float):
        if v >= 100:
            return f"{v:.0f}"
        if v >= 10:
            return f"{v:.1f}"
        return f"{v:.{nd}f}".rstrip("0").rstrip(".") if v >= 0.001 else f"{v:.4f}"
    return str(v)


def as_float(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--time-limit", type=float, default=60.0)
    ap.add_argument("--strategies", default="milp,greedy", help="our strategies, comma-separated (may be empty)")
    ap.add_argument("--peers", default="highs,cpsat,glpsol", help="peer solvers, comma-separated (may be empty)")
    ap.add_argument("--shopsched", required=True, help="path to the shopsched binary")
    ap.add_argument("--out", required=True, help="output folder")
    ap.add_argument("--skip-existing", action="store_true", help="reuse runs whose record and solution exist")
    ap.add_argument("--no-plot", action="store_true")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args(argv)

    strategies = [s for s in a.strategies.split(",") if s.strip()]
    peers = [p for p in a.peers.split(",") if p.strip()]
    for p in peers:
        if p not in ("highs", "cpsat", "glpsol"):
            ap.error(f"unknown peer {p!r}")
    binary = os.path.abspath(a.shopsched)
    if not os.access(binary, os.X_OK):
        ap.error(f"{binary} is not an executable")
    T = a.time_limit
    hard = 2 * T + 120  # a run still going then is killed and recorded as an error
    runs_dir = os.path.join(a.out, "runs")
    os.makedirs(runs_dir, exist_ok=True)

    rows = []
    stems = stems_for(a.files)
    for path, stem in zip(a.files, stems):
        scen = load_json(path)
        jobs = len(scen["jobs"]) if scen else ""
        days = scen["facility"]["horizon"]["days"] if scen else ""
        for kind, solver in [("ours", s) for s in strategies] + [("peer", p) for p in peers]:
            sol_path = os.path.join(runs_dir, f"{stem}.{solver}.solution.json")
            rec_path = os.path.join(runs_dir, f"{stem}.{solver}.run.json")
            rec = load_json(rec_path) if a.skip_existing else None
            if rec is None or not os.path.exists(sol_path) or rec.get("time_limit") != T:
                if os.path.exists(sol_path):
                    os.remove(sol_path)
                if kind == "ours":
                    cmd = [binary, "solve", path, "--strategy", solver, "--time-limit", f"{T:g}",
                           "--threads", "1", "--format", "json", "--output", sol_path]
                else:
                    cmd = [sys.executable, os.path.join(HERE, "peers.py"), "--solver", solver,
                           "--time-limit", f"{T:g}", "--threads", "1", path, "--output", sol_path]
                print(f"[{stem}] {solver} ...", file=sys.stderr, flush=True)
                rc, wall, out, err, killed = run_process(cmd, hard)
                rec = {"cmd": cmd, "rc": rc, "wall_seconds": round(wall, 4), "killed": killed,
                       "time_limit": T, "stderr_tail": err[-2000:]}
                with open(rec_path, "w") as f:
                    json.dump(rec, f, indent=2)
            else:
                print(f"[{stem}] {solver}: existing run kept", file=sys.stderr, flush=True)
            sol = load_json(sol_path)
            verified = "no"
            note = ""
            if sol is None:
                status, objective, bound, seconds = "error", None, None, None
                note = "no solution file" + (" (killed)" if rec.get("killed") else "")
            else:
                status = sol.get("status", "error")
                objective, bound, seconds = sol.get("objective"), sol.get("bound"), sol.get("seconds")
                v = subprocess.run([binary, "verify", path, sol_path], capture_output=True, text=True)
                # exit 0 = feasible and objective right; a file without a plan has nothing to verify
                if v.returncode == 0 and objective is not None:
                    verified = "yes"
                elif objective is None:
                    note = "no plan"
                else:
                    note = "verify: " + " ".join((v.stdout + v.stderr).split())[:300]
            rows.append({"file": stem, "jobs": jobs, "days": days, "solver": solver, "status": status,
                         "objective": objective, "bound": bound, "seconds": seconds, "verified": verified,
                         "wall_seconds": rec.get("wall_seconds"), "kind": kind, "note": note})
            print(f"[{stem}] {solver}: {status} objective={objective} bound={bound} seconds={seconds} "
                  f"wall={rec.get('wall_seconds')} verified={verified} {note}", file=sys.stderr, flush=True)

    with open(os.path.join(a.out, "results.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=CSV_FIELDS)
        w.writeheader()
        for r in rows:
            w.writerow({k: ("" if r[k] is None else r[k]) for k in CSV_FIELDS})

    md = report(rows, strategies, peers, T)
    with open(os.path.join(a.out, "results.md"), "w") as f:
        f.write(md)
    print(md)
    if not a.no_plot:
        subprocess.run([sys.executable, os.path.join(HERE, "plot.py"), os.path.join(a.out, "results.csv"),
                        "--output", os.path.join(a.out, "plot.svg"), "--time-limit", f"{T:g}"], check=False)
    return 0


def report(rows, strategies, peers, T):
    solvers = strategies + peers
    files = []
    for r in rows:
        if r["file"] not in files:
            files.append(r["file"])
    by = {(r["file"], r["solver"]): r for r in rows}
    L = [f"# Our strategies against peer solvers (time limit {T:g} s, one thread each, one solve at a time)", ""]
    L.append("`seconds` is the solve time written in each solution file (ours: the engine's own; peers: "
             "in-process around model build and solve); `wall` is the whole process. Ratio = our seconds / "
             "peer seconds (< 1: ours faster). `*` marks a run that did not prove optimality.")
    L.append("")
    problems = []
    for fname in files:
        rs = [by[(fname, s)] for s in solvers if (fname, s) in by]
        L.append(f"## {fname} ({rs[0]['jobs']} jobs, {rs[0]['days']} day(s))")
        L.append("")
        L.append("| solver | status | objective | bound | seconds | wall | verified |")
        L.append("| --- | --- | --- | --- | --- | --- | --- |")
        for r in rs:
            name = r["solver"] + ("" if r["kind"] == "ours" else " (peer)")
            L.append(f"| {name} | {r['status']} | {fmt(r['objective'])} | {fmt(r['bound'])} | "
                     f"{fmt(r['seconds'])} | {fmt(r['wall_seconds'])} | {r['verified']}"
                     + (f" ({r['note']})" if r['note'] and r['verified'] != 'yes' else "") + " |")
        L.append("")
        prs = [by[(fname, p)] for p in peers if (fname, p) in by]
        proved = [r for r in prs if r["status"] == "optimal" and r["seconds"] is not None]
        best = min(proved, key=lambda r: r["seconds"]) if proved else None
        if strategies and peers:
            head = "| ours | " + " | ".join(f"/ {p}" for p in peers) + " | / best peer |"
            L.append(head)
            L.append("| --- " * (len(peers) + 2) + "|")
            for s in strategies:
                o = by.get((fname, s))
                cells = []
                for r in prs + ([best] if best else [None]):
                    cells.append(ratio(o, r))
                if not best:
                    cells[-1] = "no peer proved optimality"
                L.append(f"| {s}{'' if o and o['status'] == 'optimal' else '*'} | " + " | ".join(cells) + " |")
            L.append("")
            if best:
                L.append(f"Best peer (fastest to prove optimality): **{best['solver']}**, {fmt(best['seconds'])} s.")
            else:
                L.append("Best peer: none proved optimality within the limit.")
            L.append("")
        problems += consistency(fname, rs)

    L.append("## Summary")
    L.append("")
    L.append("| solver | runs | median seconds | proven optimal | verified | timeouts / not proven |")
    L.append("| --- | --- | --- | --- | --- | --- |")
    for s in solvers:
        rs = [r for r in rows if r["solver"] == s]
        secs = [float(r["seconds"]) for r in rs if r["seconds"] is not None]
        med = statistics.median(secs) if secs else None
        opt = sum(1 for r in rs if r["status"] == "optimal")
        ver = sum(1 for r in rs if r["verified"] == "yes")
        notp = [r["file"] for r in rs if r["status"] != "optimal"]
        L.append(f"| {s} | {len(rs)} | {fmt(med)} | {opt} | {ver} | {', '.join(notp) or '–'} |")
    L.append("")
    L.append("Strategies such as `greedy` never prove optimality by design; their ratio is a time ratio only.")
    L.append("")
    if problems:
        L.append("## !!! DISAGREEMENTS — one of the models or the verifier has a BUG !!!")
        L.append("")
        for p in problems:
            L.append(f"- **{p}**")
    else:
        L.append("No disagreement: every solver that proved optimality on a file reports the same objective, "
                 "no plan beats a proven optimum, no bound exceeds one, and every plan passed `shopsched verify`.")
    L.append("")
    return "\n".join(L)


def ratio(o, r):
    if o is None or r is None or o["seconds"] in (None, "") or r["seconds"] in (None, ""):
        return "–"
    a, b = float(o["seconds"]), float(r["seconds"])
    star = "" if r["status"] == "optimal" else "*"
    if b <= 0:
        return "–"
    q = a / b
    return ("<0.01" if q < 0.01 else f"{q:.2f}" if q < 100 else f"{q:.0f}") + star


def consistency(fname, rs):
    out = []
    opt = {r["solver"]: int(float(r["objective"])) for r in rs
           if r["status"] == "optimal" and r["objective"] not in (None, "")}
    if len(set(opt.values())) > 1:
        out.append(f"{fname}: solvers that proved optimality disagree: "
                   + ", ".join(f"{k}={v}" for k, v in opt.items()))
    if opt:
        best_opt = min(opt.values())
        worst_opt = max(opt.values())
        for r in rs:
            ob, bd = as_float(r["objective"]), as_float(r["bound"])
            if ob is not None and ob < worst_opt:
                out.append(f"{fname}: {r['solver']} has a plan of {ob:g}, below the proven optimum {worst_opt}")
            if bd is not None and bd > best_opt + 1e-6:
                out.append(f"{fname}: {r['solver']} claims a bound {bd:g} above the proven optimum {best_opt}")
    for r in rs:
        if r["objective"] not in (None, "") and r["verified"] != "yes":
            out.append(f"{fname}: {r['solver']}'s plan failed shopsched verify ({r['note']})")
        ob, bd = as_float(r["objective"]), as_float(r["bound"])
        if ob is not None and bd is not None and bd > ob + 1e-6:
            out.append(f"{fname}: {r['solver']} bound {bd:g} above its own objective {ob:g}")
    return out


if __name__ == "__main__":
    sys.exit(main())
