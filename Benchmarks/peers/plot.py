#!/usr/bin/env python3
"""Solve time (log scale) against number of jobs, one series per solver, as a hand-written SVG.

    python3 plot.py DIR/results.csv [--output DIR/plot.svg] [--time-limit 60]

Filled markers: proven optimal. Hollow markers with a cross: not proven (time limit reached,
or a strategy that does not prove), drawn at the time the run took.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
from xml.sax.saxutils import escape

COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f"]
SHAPES = ["circle", "square", "diamond", "triangle"]


def marker(shape, x, y, r, color, filled):
    fill = color if filled else "white"
    common = f'fill="{fill}" stroke="{color}" stroke-width="1.8"'
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" {common}/>'
    if shape == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}" {common}/>'
    if shape == "diamond":
        pts = f"{x:.1f},{y - r * 1.3:.1f} {x + r * 1.3:.1f},{y:.1f} {x:.1f},{y + r * 1.3:.1f} {x - r * 1.3:.1f},{y:.1f}"
        return f'<polygon points="{pts}" {common}/>'
    pts = f"{x:.1f},{y - r * 1.3:.1f} {x + r * 1.2:.1f},{y + r:.1f} {x - r * 1.2:.1f},{y + r:.1f}"
    return f'<polygon points="{pts}" {common}/>'


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("csv")
    ap.add_argument("--output")
    ap.add_argument("--time-limit", type=float)
    ap.add_argument("--title", default="Solve time against number of jobs (one thread, log scale)")
    a = ap.parse_args(argv)
    out = a.output or os.path.join(os.path.dirname(os.path.abspath(a.csv)), "plot.svg")

    with open(a.csv) as f:
        rows = [r for r in csv.DictReader(f) if r.get("seconds") not in (None, "") and r.get("jobs")]
    series = []
    for r in rows:
        if r["solver"] not in series:
            series.append(r["solver"])
    pts = [(int(r["jobs"]), max(float(r["seconds"]), 1e-3), r["status"] == "optimal", r["solver"], r["file"])
           for r in rows]

    W, H = 820, 520
    ml, mr, mt, mb = 80, 190, 50, 60
    pw, ph = W - ml - mr, H - mt - mb
    xs = [p[0] for p in pts] or [1]
    ys = [p[1] for p in pts] or [1]
    if a.time_limit:
        ys.append(a.time_limit)
    x0, x1 = 0, max(xs) * 1.08 + 1
    lo = math.floor(math.log10(min(ys)))
    hi = math.ceil(math.log10(max(ys) * 1.05))
    if hi <= lo:
        hi = lo + 1

    def X(v):
        return ml + (v - x0) / (x1 - x0) * pw

    def Y(v):
        return mt + ph - (math.log10(v) - lo) / (hi - lo) * ph

    s = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
         f'font-family="Helvetica, Arial, sans-serif" font-size="12">',
         f'<rect width="{W}" height="{H}" fill="white"/>',
         f'<text x="{ml + pw / 2}" y="28" text-anchor="middle" font-size="15" font-weight="bold">{escape(a.title)}</text>']
    # grid and ticks
    for e in range(lo, hi + 1):
        y = Y(10 ** e)
        s.append(f'<line x1="{ml}" y1="{y:.1f}" x2="{ml + pw}" y2="{y:.1f}" stroke="#ddd"/>')
        label = f"{10 ** e:g}"
        s.append(f'<text x="{ml - 8}" y="{y + 4:.1f}" text-anchor="end">{label}</text>')
        if e < hi:
            for k in range(2, 10):
                yy = Y(k * 10 ** e)
                s.append(f'<line x1="{ml}" y1="{yy:.1f}" x2="{ml + 5}" y2="{yy:.1f}" stroke="#999"/>')
    step = max(1, int(10 ** math.floor(math.log10(max(1, x1 / 5)))))
    while x1 / step > 10:
        step *= 2
    v = 0
    while v <= x1:
        x = X(v)
        s.append(f'<line x1="{x:.1f}" y1="{mt}" x2="{x:.1f}" y2="{mt + ph}" stroke="#eee"/>')
        s.append(f'<text x="{x:.1f}" y="{mt + ph + 18}" text-anchor="middle">{v}</text>')
        v += step
    s.append(f'<rect x="{ml}" y="{mt}" width="{pw}" height="{ph}" fill="none" stroke="#333"/>')
    if a.time_limit:
        y = Y(a.time_limit)
        s.append(f'<line x1="{ml}" y1="{y:.1f}" x2="{ml + pw}" y2="{y:.1f}" stroke="#c00" stroke-dasharray="6,4"/>')
        s.append(f'<text x="{ml + 6}" y="{y - 5:.1f}" fill="#c00">time limit {a.time_limit:g} s</text>')
    s.append(f'<text x="{ml + pw / 2}" y="{H - 15}" text-anchor="middle" font-size="13">number of jobs</text>')
    s.append(f'<text x="20" y="{mt + ph / 2}" text-anchor="middle" font-size="13" '
             f'transform="rotate(-90 20 {mt + ph / 2})">solve time, seconds (log scale)</text>')

    for i, name in enumerate(series):
        color, shape = COLORS[i % len(COLORS)], SHAPES[i % len(SHAPES)]
        mine = sorted((p for p in pts if p[3] == name), key=lambda p: p[0])
        if len(mine) > 1:
            path = " ".join(f"{X(p[0]) + (i - (len(series) - 1) / 2) * 4:.1f},{Y(p[1]):.1f}" for p in mine)
            s.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="1.3" opacity="0.6"/>')
        jitter = (i - (len(series) - 1) / 2) * 4  # side by side when several runs share a job count
        for p in mine:
            x, y = X(p[0]) + jitter, Y(p[1])
            s.append(f'<g><title>{escape(p[4])}: {escape(name)} {p[1]:g} s'
                     f'{"" if p[2] else " (not proven optimal)"}</title>')
            s.append(marker(shape, x, y, 5, color, p[2]))
            if not p[2]:
                s.append(f'<path d="M{x - 4:.1f},{y - 4:.1f} L{x + 4:.1f},{y + 4:.1f} M{x - 4:.1f},{y + 4:.1f} '
                         f'L{x + 4:.1f},{y - 4:.1f}" stroke="{color}" stroke-width="1.5"/>')
            s.append("</g>")
    # legend
    lx, ly = ml + pw + 20, mt + 10
    s.append(f'<text x="{lx}" y="{ly}" font-weight="bold">solver / strategy</text>')
    for i, name in enumerate(series):
        color, shape = COLORS[i % len(COLORS)], SHAPES[i % len(SHAPES)]
        y = ly + 22 * (i + 1)
        s.append(marker(shape, lx + 8, y - 4, 5, color, True))
        s.append(f'<text x="{lx + 22}" y="{y}">{escape(name)}</text>')
    y = ly + 22 * (len(series) + 2)
    s.append(marker("circle", lx + 8, y - 4, 5, "#555", True))
    s.append(f'<text x="{lx + 22}" y="{y}">proven optimal</text>')
    y += 22
    s.append(marker("circle", lx + 8, y - 4, 5, "#555", False))
    s.append(f'<path d="M{lx + 4},{y - 8} L{lx + 12},{y} M{lx + 4},{y} L{lx + 12},{y - 8}" stroke="#555" stroke-width="1.5"/>')
    s.append(f'<text x="{lx + 22}" y="{y}">not proven</text>')
    s.append(f'<text x="{lx + 22}" y="{y + 15}" fill="#555">(timeout, or greedy)</text>')
    s.append(f'<text x="{lx}" y="{y + 45}" fill="#555" font-size="11">times under 1 ms</text>')
    s.append(f'<text x="{lx}" y="{y + 59}" fill="#555" font-size="11">are drawn at 1 ms</text>')
    s.append("</svg>")
    with open(out, "w") as f:
        f.write("\n".join(s) + "\n")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
