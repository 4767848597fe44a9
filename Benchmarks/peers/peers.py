#!/usr/bin/env python3
"""Peer solvers for the shopsched scheduling contract (docs/contract.md).

    python3 peers.py --solver {highs,glpsol,cpsat} --time-limit S [--threads 1] \
        SCENARIO.json --output SOLUTION.json

An independent reading of the contract: nothing here is shared with the Swift project.
Three models of the same instance:

  highs   time-indexed MIP (x[j,b,s], u[j,m,s], w[m]) solved by HiGHS (highspy)
  glpsol  the very same MIP, written as MPS by HiGHS and solved by the glpsol CLI (GLPK)
  cpsat   interval model solved by OR-Tools CP-SAT

Resumable jobs (contract section 7) are placed by joint choices z[j,b,m,s]: from start s,
the work slots are the slots in which the shop is open and, with a mechanic, m is on shift,
taken until d are counted (`work_slots`); the job holds bay b from s to the end e of the last
work slot, keeps m busy and counts against capacity in its work slots only.

Whatever the solver says, the objective written to the solution file is recomputed from
the plan by `objective_of` below.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
DEFAULT_WEIGHTS = {
    "unscheduled": 1000,
    "startDeviationPerSlot": 1,
    "missingPreferredSkill": 5,
    "unassignedMechanic": 200,
    "moved": 50,
    "changedBay": 10,
    "changedMechanic": 20,
    "mechanicUsed": 0,
}


class ScenarioError(Exception):
    """The scenario breaks the contract (bad input)."""


class PinClash(Exception):
    """Some pin cannot hold: the scenario is infeasible."""


# --------------------------------------------------------------------------- time


def _hhmm(text: str) -> int:
    m = re.fullmatch(r"(\d{2}):(\d{2})", text)
    if not m:
        raise ScenarioError(f"bad time {text!r}")
    h, mi = int(m.group(1)), int(m.group(2))
    if mi >= 60 or h > 24 or (h == 24 and mi != 0):
        raise ScenarioError(f"bad time {text!r}")
    return h * 60 + mi


def _cdiv(a: int, b: int) -> int:
    return -((-a) // b)


class Clock:
    """Local wall-clock times as minutes (and slots) from horizon start, midnight."""

    def __init__(self, start: str, days: int, slot: int):
        self.start = dt.date.fromisoformat(start)
        self.days = days
        self.slot = slot
        if slot <= 0 or 1440 % slot != 0:
            raise ScenarioError("slotMinutes must divide a day")
        self.per_day = 1440 // slot
        self.horizon = days * self.per_day  # slots

    def minutes(self, stamp: str) -> int:
        m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})", stamp or "")
        if not m:
            raise ScenarioError(f"bad date-time {stamp!r}")
        day = (dt.date.fromisoformat(m.group(1)) - self.start).days
        return day * 1440 + _hhmm(m.group(2))

    def up(self, stamp: str) -> int:
        return _cdiv(self.minutes(stamp), self.slot)

    def down(self, stamp: str) -> int:
        return self.minutes(stamp) // self.slot

    def nearest(self, stamp: str) -> int:  # half up
        return (self.minutes(stamp) * 2 + self.slot) // (2 * self.slot)

    def exact(self, stamp: str) -> int:
        mins = self.minutes(stamp)
        if mins % self.slot:
            raise ScenarioError(f"{stamp} is not on a slot boundary")
        return mins // self.slot

    def stamp(self, slot: int) -> str:
        mins = slot * self.slot
        day, rem = divmod(mins, 1440)
        d = self.start + dt.timedelta(days=day)
        return f"{d.isoformat()}T{rem // 60:02d}:{rem % 60:02d}"


# --------------------------------------------------------------------------- instance


class Job:
    pass


class Instance:
    """The scenario on its slot grid, with every allowed placement enumerated."""

    def __init__(self, data: dict):
        if data.get("format") != "shopsched.scenario/1":
            raise ScenarioError("format is not shopsched.scenario/1")
        fac = data["facility"]
        self.facility_id = fac["id"]
        self.clock = c = Clock(fac["horizon"]["start"], int(fac["horizon"]["days"]), int(fac["slotMinutes"]))
        self.T = c.horizon
        self.max_concurrent = fac.get("maxConcurrent")
        w = dict(DEFAULT_WEIGHTS)
        w.update(data.get("weights") or {})
        self.w = w

        # open intervals [lo, hi) in slots, one per range per open day
        closed = {dt.date.fromisoformat(x) for x in fac.get("closedDates") or []}
        hours = fac.get("operatingHours") or {}
        self.open = []
        for day in range(c.days):
            date = c.start + dt.timedelta(days=day)
            if date in closed:
                continue
            for rng in hours.get(WEEKDAYS[date.weekday()]) or []:
                lo = day * c.per_day + _cdiv(_hhmm(rng[0]), c.slot)
                hi = day * c.per_day + _hhmm(rng[1]) // c.slot
                if hi > lo:
                    self.open.append((lo, hi))

        self.bays = []
        for b in data["bays"]:
            oos = [(c.down(r["start"]), c.up(r["end"])) for r in b.get("outOfService") or []]
            self.bays.append({"id": b["id"], "type": b["type"], "oos": oos})
        self.bay_index = {b["id"]: i for i, b in enumerate(self.bays)}

        self.mechs = []
        for m in data["mechanics"]:
            shifts = [(c.up(s["start"]), c.down(s["end"])) for s in m.get("shifts") or []]
            self.mechs.append({"id": m["id"], "skills": set(m.get("skills") or []),
                               "active": m.get("active", True), "shifts": shifts})
        self.mech_index = {m["id"]: i for i, m in enumerate(self.mechs)}

        self.jobs = []
        for raw in data["jobs"]:
            j = Job()
            j.id = raw["id"]
            j.d = _cdiv(int(raw["durationMinutes"]), c.slot)
            j.bay_types = set(raw.get("bayTypes") or [])
            j.req = list(raw.get("requiredSkills") or [])
            j.pref = list(raw.get("preferredSkills") or [])
            j.mode = raw.get("mechanic", "required")
            if j.mode not in ("required", "optional", "none"):
                raise ScenarioError(f"{j.id}: bad mechanic mode {j.mode!r}")
            j.priority = int(raw.get("priority", 1))
            j.resumable = bool(raw.get("resumable", False))
            win = raw.get("window")
            j.lo = c.up(win["earliest"]) if win else 0
            j.hi = c.down(win["latest"]) if win else self.T
            j.pref_starts = [c.nearest(p) for p in raw.get("preferredStarts") or []]
            j.pin = None
            if raw.get("pinned") is not None:
                p = raw["pinned"]
                if p.get("bay") not in self.bay_index:
                    raise ScenarioError(f"{j.id}: pinned bay unknown")
                pm = p.get("mechanic")
                if pm is not None and pm not in self.mech_index:
                    raise ScenarioError(f"{j.id}: pinned mechanic unknown")
                j.pin = (c.exact(p["start"]), self.bay_index[p["bay"]],
                         None if pm is None else self.mech_index[pm])
            j.cur = None
            if raw.get("current") is not None:
                cu = raw["current"]
                j.cur = (c.exact(cu["start"]), cu.get("bay"), cu.get("mechanic"))
            self.jobs.append(j)

        self._enumerate()

    # ---- placements

    def _inside_open(self, s: int, e: int) -> bool:
        return any(lo <= s and e <= hi for lo, hi in self.open)

    def work_slots(self, j: Job, s: int, m):
        """The work slots of resumable job j started at s with mechanic index m (None: no
        mechanic): from s on, each slot that is open and on m's shift, until j.d are taken.
        None when s is not such a slot or the horizon ends first."""
        def works(t):
            return self.open_slot[t] and (m is None or self.on_shift[m][t])
        if not (0 <= s < self.T) or not works(s):
            return None
        slots = []
        t = s
        while len(slots) < j.d and t < self.T:
            if works(t):
                slots.append(t)
            t += 1
        return slots if len(slots) == j.d else None

    def _enumerate_resumable(self, j: Job):
        """j.combos: every (s, b, m, work slots, e) allowed for resumable job j."""
        j.starts, j.mstarts, j.all_starts = {}, {}, []
        j.combos = []
        if j.mode == "none":
            choices = [None]
        else:
            choices = [m for m, mech in enumerate(self.mechs)
                       if mech["active"] and all(k in mech["skills"] for k in j.req)]
            if j.mode == "optional":
                choices.append(None)
        bays = [b for b, bay in enumerate(self.bays) if bay["type"] in j.bay_types]
        for m in choices:
            for s in range(max(0, j.lo), min(self.T, j.hi)):
                work = self.work_slots(j, s, m)
                if work is None:
                    continue
                e = work[-1] + 1
                if e > j.hi:
                    break  # e only grows with s
                for b in bays:
                    if not any(s < hi and lo < e for lo, hi in self.bays[b]["oos"]):
                        j.combos.append((s, b, m, work, e))
        j.combos.sort(key=lambda c: (c[0], c[1], -1 if c[2] is None else c[2]))

    def _enumerate(self):
        """starts[j][b]: allowed starts on bay b; mstarts[j][m]: starts allowed for mechanic m.
        Resumable jobs get combos instead (`_enumerate_resumable`)."""
        self.open_slot = [False] * self.T
        for lo, hi in self.open:
            for t in range(max(lo, 0), min(hi, self.T)):
                self.open_slot[t] = True
        self.on_shift = []
        for mech in self.mechs:
            flags = [False] * self.T
            for lo, hi in mech["shifts"]:
                for t in range(max(lo, 0), min(hi, self.T)):
                    flags[t] = True
            self.on_shift.append(flags)
        for j in self.jobs:
            if j.resumable:
                self._enumerate_resumable(j)
                continue
            j.combos = []
            j.starts = {}
            cand = [s for s in range(max(0, j.lo), min(self.T, j.hi) - j.d + 1)
                    if self._inside_open(s, s + j.d)]
            for b, bay in enumerate(self.bays):
                if bay["type"] not in j.bay_types:
                    continue
                ok = [s for s in cand if not any(s < hi and lo < s + j.d for lo, hi in bay["oos"])]
                if ok:
                    j.starts[b] = ok
            all_starts = sorted({s for v in j.starts.values() for s in v})
            j.all_starts = all_starts
            j.mstarts = {}
            if j.mode != "none":
                for m, mech in enumerate(self.mechs):
                    if not mech["active"] or any(k not in mech["skills"] for k in j.req):
                        continue
                    ok = [s for s in all_starts
                          if any(lo <= s and s + j.d <= hi for lo, hi in mech["shifts"])]
                    if ok:
                        j.mstarts[m] = ok

    def check_pins(self):
        """Raise PinClash naming the pins that cannot hold on their own."""
        bad = []
        for j in self.jobs:
            if j.pin is None:
                continue
            s, b, m = j.pin
            if j.resumable:
                if not any(c[:3] == (s, b, m) for c in j.combos):
                    bad.append(j.id)
                continue
            if s not in set(j.starts.get(b, [])):
                bad.append(j.id)
            elif m is None and j.mode == "required":
                bad.append(j.id)
            elif m is not None and (j.mode == "none" or s not in set(j.mstarts.get(m, []))):
                bad.append(j.id)
        if bad:
            raise PinClash(bad)

    # ---- costs (contract table)

    def dev_cost(self, j: Job, s: int) -> int:
        if not j.pref_starts:
            return 0
        return self.w["startDeviationPerSlot"] * min(abs(s - p) for p in j.pref_starts)

    def start_cost(self, j: Job, s: int) -> int:
        c = self.dev_cost(j, s)
        if j.cur is not None and s != j.cur[0]:
            c += self.w["moved"]
        return c

    def bay_cost(self, j: Job, b: int) -> int:
        if j.cur is not None and self.bays[b]["id"] != j.cur[1]:
            return self.w["changedBay"]
        return 0

    def mech_cost(self, j: Job, m) -> int:
        """Cost of doing j with mechanic m (index) or None (no mechanic)."""
        c = 0
        if m is None:
            if j.mode == "optional":
                c += self.w["unassignedMechanic"]
            mid = None
        else:
            mech = self.mechs[m]
            c += self.w["missingPreferredSkill"] * sum(1 for k in j.pref if k not in mech["skills"])
            mid = mech["id"]
        if j.cur is not None and mid != j.cur[2]:
            c += self.w["changedMechanic"]
        return c

    def unscheduled_cost(self, j: Job) -> int:
        return self.w["unscheduled"] * j.priority

    def objective_of(self, plan) -> int:
        """plan: list, per job, of None or (start, bay index, mechanic index or None)."""
        total = 0
        used = set()
        for j, p in zip(self.jobs, plan):
            if p is None:
                total += self.unscheduled_cost(j)
                continue
            s, b, m = p
            total += self.start_cost(j, s) + self.bay_cost(j, b) + self.mech_cost(j, m)
            if m is not None:
                used.add(m)
        return total + self.w["mechanicUsed"] * len(used)


# --------------------------------------------------------------------------- MIP (HiGHS / glpsol)


def build_mip(inst: Instance):
    """The time-indexed MIP as a highspy.Highs object. Returns (h, columns) where
    columns[k] = ("x", j, b, s) | ("u", j, m, s) | ("w", m)."""
    import highspy

    cols = []
    cost = []
    names = []
    xcol = {}  # (j, b, s) -> col
    ucol = {}  # (j, m, s) -> col
    for ji, j in enumerate(inst.jobs):
        c0 = inst.mech_cost(j, None)  # cost of "no mechanic"; u pays the difference
        for b, starts in j.starts.items():
            for s in starts:
                xcol[(ji, b, s)] = len(cols)
                cols.append(("x", ji, b, s))
                cost.append(inst.start_cost(j, s) + inst.bay_cost(j, b) + c0 - inst.unscheduled_cost(j))
                names.append(f"x_{ji}_{b}_{s}")
        for m, starts in j.mstarts.items():
            cm = inst.mech_cost(j, m) - c0
            for s in starts:
                ucol[(ji, m, s)] = len(cols)
                cols.append(("u", ji, m, s))
                cost.append(cm)
                names.append(f"u_{ji}_{m}_{s}")
    zcol = {}  # (j, combo index) -> col
    for ji, j in enumerate(inst.jobs):
        for ci, (s, b, m, _, _) in enumerate(j.combos):
            zcol[(ji, ci)] = len(cols)
            cols.append(("z", ji, ci))
            cost.append(inst.start_cost(j, s) + inst.bay_cost(j, b) + inst.mech_cost(j, m) - inst.unscheduled_cost(j))
            names.append(f"z_{ji}_{ci}")
    wcol = {}
    if inst.w["mechanicUsed"] > 0:
        for m in range(len(inst.mechs)):
            if any(m in j.mstarts or any(c[2] == m for c in j.combos) for j in inst.jobs):
                wcol[m] = len(cols)
                cols.append(("w", m))
                cost.append(inst.w["mechanicUsed"])
                names.append(f"w_{m}")
    lower = [0.0] * len(cols)
    upper = [1.0] * len(cols)

    rows = []  # (lo, hi, [(col, coef)])
    inf = highspy.kHighsInf
    for ji, j in enumerate(inst.jobs):
        if j.resumable:
            zs = [zcol[(ji, ci)] for ci in range(len(j.combos))]
            if j.pin is not None:
                for ci, k in enumerate(zs):
                    lower[k] = upper[k] = 1.0 if j.combos[ci][:3] == j.pin else 0.0
            if zs:
                rows.append((-inf, 1.0, [(k, 1.0) for k in zs]))
            for m, k in wcol.items():
                mine = [zcol[(ji, ci)] for ci, c in enumerate(j.combos) if c[2] == m]
                if mine:
                    rows.append((0.0, inf, [(k, 1.0)] + [(z, -1.0) for z in mine]))
            continue
        xs = [xcol[(ji, b, s)] for b, st in j.starts.items() for s in st]
        if j.pin is not None:
            ps, pb, pm = j.pin
            # exactly the pin: that x is 1, every other x and u is 0
            for k in xs:
                lower[k] = upper[k] = 1.0 if cols[k] == ("x", ji, pb, ps) else 0.0
            for m, st in j.mstarts.items():
                for s in st:
                    k = ucol[(ji, m, s)]
                    lower[k] = upper[k] = 1.0 if (m == pm and s == ps) else 0.0
        if xs:
            rows.append((-inf, 1.0, [(k, 1.0) for k in xs]))
        if j.mode == "none":
            continue
        for s in j.all_starts:
            xr = [(xcol[(ji, b, s)], -1.0) for b in j.starts if (ji, b, s) in xcol]
            ur = [(ucol[(ji, m, s)], 1.0) for m in j.mstarts if (ji, m, s) in ucol]
            if j.mode == "required":
                rows.append((0.0, 0.0, ur + xr))
            elif ur:
                rows.append((-inf, 0.0, ur + xr))
        for m, k in wcol.items():
            if m in j.mstarts:
                rows.append((0.0, inf, [(k, 1.0)] + [(ucol[(ji, m, s)], -1.0) for s in j.mstarts[m]]))

    # per-slot no-overlap per bay and per mechanic, and capacity
    bay_slot = {}
    mech_slot = {}
    cap_slot = {}
    for (ji, b, s), k in xcol.items():
        for t in range(s, s + inst.jobs[ji].d):
            bay_slot.setdefault((b, t), []).append(k)
            cap_slot.setdefault(t, []).append(k)
    for (ji, m, s), k in ucol.items():
        for t in range(s, s + inst.jobs[ji].d):
            mech_slot.setdefault((m, t), []).append(k)
    for (ji, ci), k in zcol.items():
        s, b, m, work, e = inst.jobs[ji].combos[ci]
        for t in range(s, e):  # the bay is held through the pauses
            bay_slot.setdefault((b, t), []).append(k)
        for t in work:  # the mechanic and capacity only in the work slots
            cap_slot.setdefault(t, []).append(k)
            if m is not None:
                mech_slot.setdefault((m, t), []).append(k)

    def distinct_jobs(ks):
        return len({cols[k][1] for k in ks})

    for key in sorted(bay_slot):
        ks = bay_slot[key]
        if distinct_jobs(ks) > 1:
            rows.append((-inf, 1.0, [(k, 1.0) for k in ks]))
    for key in sorted(mech_slot):
        ks = mech_slot[key]
        if distinct_jobs(ks) > 1:
            rows.append((-inf, 1.0, [(k, 1.0) for k in ks]))
    if inst.max_concurrent is not None:
        for t in sorted(cap_slot):
            ks = cap_slot[t]
            if distinct_jobs(ks) > inst.max_concurrent:
                rows.append((-inf, float(inst.max_concurrent), [(k, 1.0) for k in ks]))

    lp = highspy.HighsLp()
    lp.num_col_ = len(cols)
    lp.num_row_ = len(rows)
    lp.col_cost_ = [float(v) for v in cost]
    lp.col_lower_ = lower
    lp.col_upper_ = upper
    lp.row_lower_ = [r[0] for r in rows]
    lp.row_upper_ = [r[1] for r in rows]
    lp.offset_ = float(sum(inst.unscheduled_cost(j) for j in inst.jobs))
    lp.integrality_ = [highspy.HighsVarType.kInteger] * len(cols)
    lp.col_names_ = names
    lp.row_names_ = [f"r{i}" for i in range(len(rows))]
    a = lp.a_matrix_
    a.format_ = highspy.MatrixFormat.kRowwise
    start, index, value = [0], [], []
    for _, _, ent in rows:
        for k, v in ent:
            index.append(k)
            value.append(v)
        start.append(len(index))
    a.start_ = start
    a.index_ = index
    a.value_ = value
    a.num_col_ = len(cols)
    a.num_row_ = len(rows)

    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.passModel(lp)
    return h, cols


def plan_from_values(inst: Instance, cols, values):
    plan = [None] * len(inst.jobs)
    mech_of = {}
    for k, v in enumerate(values):
        if v < 0.5:
            continue
        c = cols[k]
        if c[0] == "x":
            _, ji, b, s = c
            if plan[ji] is not None:
                raise RuntimeError(f"job {inst.jobs[ji].id} placed twice")
            plan[ji] = (s, b, None)
        elif c[0] == "u":
            _, ji, m, s = c
            mech_of[ji] = (m, s)
        elif c[0] == "z":
            _, ji, ci = c
            if plan[ji] is not None:
                raise RuntimeError(f"job {inst.jobs[ji].id} placed twice")
            plan[ji] = inst.jobs[ji].combos[ci][:3]
    for ji, (m, s) in mech_of.items():
        if plan[ji] is None or plan[ji][0] != s:
            raise RuntimeError(f"mechanic of job {inst.jobs[ji].id} not linked to its start")
        plan[ji] = (s, plan[ji][1], m)
    return plan


def ceil_bound(v):
    if v is None or not math.isfinite(v):
        return None
    return int(math.ceil(v - 1e-6))


def solve_highs(inst: Instance, time_limit: float, threads: int):
    import highspy

    h, cols = build_mip(inst)
    if not cols:  # no job has any placement: the empty plan is the only plan
        return "optimal", [None] * len(inst.jobs), None, "no placement exists; solver not called"
    h.setOptionValue("time_limit", float(time_limit))
    h.setOptionValue("threads", int(threads))
    if threads == 1:
        h.setOptionValue("parallel", "off")
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("random_seed", 0)
    h.run()
    ms = h.getModelStatus()
    info = h.getInfo()
    has_sol = info.primal_solution_status == 2
    if ms == highspy.HighsModelStatus.kInfeasible:
        return "infeasible", None, None, "HiGHS: infeasible"
    if not has_sol:
        return "error", None, ceil_bound(info.mip_dual_bound), f"HiGHS: {h.modelStatusToString(ms)}, no solution"
    plan = plan_from_values(inst, cols, list(h.getSolution().col_value))
    status = "optimal" if ms == highspy.HighsModelStatus.kOptimal else "feasible"
    bound = ceil_bound(info.mip_dual_bound)
    return status, plan, bound, f"HiGHS: {h.modelStatusToString(ms)}, obj {info.objective_function_value}"


def solve_glpsol(inst: Instance, time_limit: float, threads: int):
    h, cols = build_mip(inst)
    if not cols:
        return "optimal", [None] * len(inst.jobs), None, "no placement exists; solver not called"
    with tempfile.TemporaryDirectory(prefix="peers-glpsol-") as tmp:
        mps = os.path.join(tmp, "x.mps")
        out = os.path.join(tmp, "out.txt")
        h.writeModel(mps)
        cmd = ["glpsol", "--freemps", mps, "--min", "--tmlim", str(int(math.ceil(time_limit))), "-w", out]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        log = proc.stdout + proc.stderr
        if not os.path.exists(out):
            return "error", None, None, "glpsol wrote no solution: " + log[-500:]
        with open(out) as f:
            lines = f.read().splitlines()
    # plain text MIP solution: 's mip ROWS COLS STAT OBJ', 'i ROW VAL', 'j COL VAL', 'e o f'
    sline = next((ln for ln in lines if ln.startswith("s ")), None)
    if sline is None or sline.split()[1] != "mip":
        return "error", None, None, "glpsol: no MIP solution line"
    parts = sline.split()
    ncols, stat = int(parts[3]), parts[4]
    if ncols != len(cols):
        return "error", None, None, f"glpsol: {ncols} columns, model has {len(cols)}"
    # the bound: the last '>= BOUND' of the branch-and-bound progress lines, if numeric
    bound = None
    for m in re.finditer(r"(?:mip =|>>>>>)\s+\S+(?:\s+yet)?\s+>=\s+(\S+)", log):
        try:
            bound = float(m.group(1))
        except ValueError:
            pass
    if stat == "n":
        if re.search(r"HAS NO (PRIMAL|INTEGER) FEASIBLE SOLUTION", log):
            return "infeasible", None, None, "glpsol: no integer feasible solution"
        return "error", None, None, "glpsol: no solution"
    if stat == "u" or stat not in ("o", "f"):
        return "error", None, ceil_bound(bound), "glpsol: no solution found (" + stat + ")"
    values = [0.0] * ncols
    for ln in lines:
        if ln.startswith("j "):
            _, k, v = ln.split()
            values[int(k) - 1] = float(v)
    plan = plan_from_values(inst, cols, values)
    # HiGHS writes the objective offset as the RHS of the objective row (-offset); GLPK
    # reads that RHS as the constant itself, so glpsol's objective (and the bound in its
    # log) is off by a constant. Shift the bound by what separates glpsol's objective of
    # this very plan from the contract's.
    glpk_obj = float(parts[5])
    shift = inst.objective_of(plan) - glpk_obj
    offset = sum(inst.unscheduled_cost(j) for j in inst.jobs)
    note = f"glpsol objective {glpk_obj:g}, constant shift {shift:g}"
    if abs(shift) > 1e-6 and abs(shift - 2 * offset) > 1e-6:
        note += f" (UNEXPECTED: offset is {offset})"
    if stat == "o":
        return "optimal", plan, None, "optimal; " + note
    return "feasible", plan, ceil_bound(None if bound is None else bound + shift), "time limit; " + note


# --------------------------------------------------------------------------- CP-SAT


def solve_cpsat(inst: Instance, time_limit: float, threads: int):
    from ortools.sat.python import cp_model

    model = cp_model.CpModel()
    terms = []  # (coef, expr)
    const = 0
    T = inst.T
    per_job = []
    bay_iv = {b: [] for b in range(len(inst.bays))}
    mech_iv = {m: [] for m in range(len(inst.mechs))}
    cap_iv = []
    used_lits = {m: [] for m in range(len(inst.mechs))}

    for ji, j in enumerate(inst.jobs):
        unsched = inst.unscheduled_cost(j)
        if j.resumable:
            per_job.append(_cpsat_resumable(model, inst, ji, j, terms, bay_iv, mech_iv, cap_iv, used_lits))
            const += unsched
            continue
        if not j.all_starts:
            const += unsched
            per_job.append(None)
            continue
        p = model.NewBoolVar(f"p{ji}")
        dom = cp_model.Domain.FromValues(j.all_starts)
        s = model.NewIntVarFromDomain(dom, f"s{ji}")
        e = s + j.d
        # unscheduled: unsched * (1 - p)
        const += unsched
        terms.append((-unsched, p))
        # start deviation via a per-start cost table (AddElement), paid when scheduled
        table = [inst.dev_cost(j, t) for t in range(T)]
        if any(table[t] for t in j.all_starts):
            hi = max(table[t] for t in j.all_starts)
            dev = model.NewIntVar(0, hi, f"dev{ji}")
            model.AddElement(s, table, dev)
            devp = model.NewIntVar(0, hi, f"devp{ji}")
            model.Add(devp == dev).OnlyEnforceIf(p)
            model.Add(devp == 0).OnlyEnforceIf(p.Not())
            terms.append((1, devp))
        # moved: p and s != current.start
        if j.cur is not None and inst.w["moved"]:
            same = model.NewBoolVar(f"same{ji}")
            model.Add(s == j.cur[0]).OnlyEnforceIf(same)
            model.Add(s != j.cur[0]).OnlyEnforceIf(same.Not())
            mv = model.NewBoolVar(f"mv{ji}")
            model.AddBoolOr([p.Not(), same, mv])  # p and not same => mv
            terms.append((inst.w["moved"], mv))
        # bays: one optional interval per allowed bay, start restricted to that bay's starts
        xb = {}
        for b, starts in j.starts.items():
            lit = model.NewBoolVar(f"x{ji}_{b}")
            xb[b] = lit
            model.AddLinearExpressionInDomain(s, cp_model.Domain.FromValues(starts)).OnlyEnforceIf(lit)
            bay_iv[b].append(model.NewOptionalFixedSizeIntervalVar(s, j.d, lit, f"ib{ji}_{b}"))
            c = inst.bay_cost(j, b)
            if c:
                terms.append((c, lit))
        model.Add(sum(xb.values()) == p)
        # mechanics
        c0 = inst.mech_cost(j, None)
        if c0:  # cost of "no mechanic" (or of losing the current one); mechanics pay the difference
            terms.append((c0, p))
        ym = {}
        if j.mode != "none":
            for m, starts in j.mstarts.items():
                lit = model.NewBoolVar(f"y{ji}_{m}")
                ym[m] = lit
                model.AddLinearExpressionInDomain(s, cp_model.Domain.FromValues(starts)).OnlyEnforceIf(lit)
                mech_iv[m].append(model.NewOptionalFixedSizeIntervalVar(s, j.d, lit, f"im{ji}_{m}"))
                used_lits[m].append(lit)
                c = inst.mech_cost(j, m) - c0
                if c:
                    terms.append((c, lit))
            if j.mode == "required":
                model.Add(sum(ym.values()) == p)
            else:
                model.Add(sum(ym.values()) <= p)
        if inst.max_concurrent is not None:
            cap_iv.append(model.NewOptionalFixedSizeIntervalVar(s, j.d, p, f"ic{ji}"))
        # pins
        if j.pin is not None:
            ps, pb, pm = j.pin
            model.Add(p == 1)
            model.Add(s == ps)
            if pb not in xb:
                model.AddBoolOr([])  # infeasible
            else:
                model.Add(xb[pb] == 1)
            if pm is None:
                for lit in ym.values():
                    model.Add(lit == 0)
            elif pm not in ym:
                model.AddBoolOr([])
            else:
                model.Add(ym[pm] == 1)
        per_job.append((p, s, xb, ym))

    for ivs in bay_iv.values():
        if len(ivs) > 1:
            model.AddNoOverlap(ivs)
    for ivs in mech_iv.values():
        if len(ivs) > 1:
            model.AddNoOverlap(ivs)
    if inst.max_concurrent is not None and len(cap_iv) > inst.max_concurrent:
        model.AddCumulative(cap_iv, [1] * len(cap_iv), inst.max_concurrent)
    if inst.w["mechanicUsed"] > 0:
        for m, lits in used_lits.items():
            if lits:
                used = model.NewBoolVar(f"used{m}")
                for lit in lits:
                    model.AddImplication(lit, used)
                terms.append((inst.w["mechanicUsed"], used))

    model.Minimize(sum(c * v for c, v in terms) + const)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = float(time_limit)
    solver.parameters.num_workers = int(threads)
    solver.parameters.random_seed = 0
    st = solver.Solve(model)
    if st == cp_model.INFEASIBLE:
        return "infeasible", None, None, "CP-SAT: infeasible"
    if st not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return "error", None, ceil_bound(solver.BestObjectiveBound()), f"CP-SAT: {solver.StatusName(st)}"
    plan = []
    for ji, pj in enumerate(per_job):
        if pj is None or not solver.BooleanValue(pj[0]):
            plan.append(None)
            continue
        if isinstance(pj[1], str):  # a resumable job: (p, "resumable", literals, combos)
            zs, combos = pj[2], pj[3]
            plan.append(next(c[:3] for z, c in zip(zs, combos) if solver.BooleanValue(z)))
            continue
        p, s, xb, ym = pj
        b = next(b for b, lit in xb.items() if solver.BooleanValue(lit))
        m = next((m for m, lit in ym.items() if solver.BooleanValue(lit)), None)
        plan.append((solver.Value(s), b, m))
    status = "optimal" if st == cp_model.OPTIMAL else "feasible"
    return status, plan, ceil_bound(solver.BestObjectiveBound()), \
        f"CP-SAT: {solver.StatusName(st)}, obj {solver.ObjectiveValue()}"


def _cpsat_resumable(model, inst, ji, j, terms, bay_iv, mech_iv, cap_iv, used_lits):
    """A resumable job in the CP-SAT model: one literal per allowed (s, b, m); the bay and the
    mechanic each see the held span [s, e) as an optional interval; capacity sees the work
    pieces. The span is exact for the mechanic too: every job of m starts and ends in m's work
    time and covers all of m's work slots in between, so two of m's jobs share a work slot
    exactly when their spans overlap. Returns (p, "resumable", literals, combos), or None."""
    from ortools.sat.python import cp_model

    unsched = inst.unscheduled_cost(j)
    if not j.combos:
        if j.pin is not None:
            model.AddBoolOr([])  # a pin with no allowed placement: infeasible
        return None
    p = model.NewBoolVar(f"p{ji}")
    terms.append((-unsched, p))
    zs = [model.NewBoolVar(f"z{ji}_{ci}") for ci in range(len(j.combos))]
    model.Add(sum(zs) == p)
    s = model.NewIntVarFromDomain(cp_model.Domain.FromValues(sorted({c[0] for c in j.combos})), f"s{ji}")
    e = model.NewIntVarFromDomain(cp_model.Domain.FromValues(sorted({c[4] for c in j.combos})), f"e{ji}")
    size = model.NewIntVar(0, inst.T, f"len{ji}")
    model.Add(size == e - s)
    by_bay, by_mech = {}, {}
    for z, (cs, b, m, work, ce) in zip(zs, j.combos):
        model.Add(s == cs).OnlyEnforceIf(z)
        model.Add(e == ce).OnlyEnforceIf(z)
        c = inst.start_cost(j, cs) + inst.bay_cost(j, b) + inst.mech_cost(j, m)
        if c:
            terms.append((c, z))
        by_bay.setdefault(b, []).append(z)
        if m is not None:
            by_mech.setdefault(m, []).append(z)
        if inst.max_concurrent is not None:
            start = prev = work[0]
            for t in work[1:] + [None]:
                if t is not None and t == prev + 1:
                    prev = t
                    continue
                cap_iv.append(model.NewOptionalFixedSizeIntervalVar(start, prev + 1 - start, z, f"ic{ji}_{start}"))
                if t is not None:
                    start = prev = t
        if j.pin is not None and (cs, b, m) == j.pin:
            model.Add(z == 1)
    if j.pin is not None and not any(c[:3] == j.pin for c in j.combos):
        model.AddBoolOr([])
    for b, lits in sorted(by_bay.items()):
        on = model.NewBoolVar(f"x{ji}_{b}")
        model.Add(on == sum(lits))
        bay_iv[b].append(model.NewOptionalIntervalVar(s, size, e, on, f"ib{ji}_{b}"))
    for m, lits in sorted(by_mech.items()):
        on = model.NewBoolVar(f"y{ji}_{m}")
        model.Add(on == sum(lits))
        mech_iv[m].append(model.NewOptionalIntervalVar(s, size, e, on, f"im{ji}_{m}"))
        used_lits[m].append(on)
    return (p, "resumable", zs, j.combos)


# --------------------------------------------------------------------------- solution file

SOLVERS = {"highs": solve_highs, "glpsol": solve_glpsol, "cpsat": solve_cpsat}


def solution_file(inst, strategy, status, plan, bound, seconds, note=None):
    sol = {
        "format": "shopsched.solution/1",
        "scenario": inst.facility_id if inst else None,
        "strategy": strategy,
        "status": status,
        "objective": None,
        "bound": bound,
        "seconds": round(seconds, 4),
        "assignments": [],
        "unscheduled": [],
    }
    if inst is None:
        return sol
    c = inst.clock
    if plan is None:
        plan = [None] * len(inst.jobs)
    else:
        sol["objective"] = inst.objective_of(plan)
        if status == "optimal":
            sol["bound"] = sol["objective"]
    for j, p in zip(inst.jobs, plan):
        if p is None:
            sol["unscheduled"].append({"job": j.id, "reasons": []})
        else:
            s, b, m = p
            entry = {
                "job": j.id, "start": c.stamp(s), "end": c.stamp(s + j.d),
                "bay": inst.bays[b]["id"],
                "mechanic": None if m is None else inst.mechs[m]["id"]}
            if j.resumable:
                work = inst.work_slots(j, s, m)
                entry["end"] = c.stamp(work[-1] + 1)
                runs = []
                for t in work:
                    if runs and runs[-1][1] == t:
                        runs[-1][1] = t + 1
                    else:
                        runs.append([t, t + 1])
                entry["work"] = [{"start": c.stamp(lo), "end": c.stamp(hi)} for lo, hi in runs]
            sol["assignments"].append(entry)
    if note:
        sol["note"] = note
    return sol


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--solver", required=True, choices=sorted(SOLVERS))
    ap.add_argument("--time-limit", type=float, default=60.0)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("scenario")
    ap.add_argument("--output", required=True)
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args(argv)

    # import the solver library before the clock starts: its import is not solve time
    if a.solver == "cpsat":
        from ortools.sat.python import cp_model  # noqa: F401
    else:
        import highspy  # noqa: F401
    with open(a.scenario) as f:
        data = json.load(f)
    t0 = time.perf_counter()
    inst = None
    rc = 0
    try:
        inst = Instance(data)
        inst.check_pins()
        status, plan, bound, note = SOLVERS[a.solver](inst, a.time_limit, a.threads)
    except ScenarioError as e:
        status, plan, bound, note, rc = "error", None, None, f"bad scenario: {e}", 2
    except PinClash as e:
        status, plan, bound, note, rc = "infeasible", None, None, f"pins that cannot hold: {', '.join(e.args[0])}", 1
    seconds = time.perf_counter() - t0
    if status == "infeasible":
        rc = 1
    elif status == "error":
        rc = rc or 3
    sol = solution_file(inst, a.solver, status, plan, bound, seconds, note)
    tmp = a.output + ".tmp"
    with open(tmp, "w") as f:
        json.dump(sol, f, indent=2)
        f.write("\n")
    os.replace(tmp, a.output)
    print(f"{a.solver}: {status} objective={sol['objective']} bound={sol['bound']} "
          f"seconds={sol['seconds']} ({note})", file=sys.stderr)
    return rc


if __name__ == "__main__":
    sys.exit(main())
