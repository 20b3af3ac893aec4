#!/usr/bin/env python3
"""Solves a `scon solve schedule` instance exactly with a MIP (HiGHS through SciPy >= 1.9), to
check the solver's objective and bound against an independent optimum (docs/schedule.md).

    python3 bench/schedule/mip.py event.json [--lp] [--time-limit 600] [--solution schedule.json]

The time-indexed model: x[r, s] = 1 when request r takes slot s (s where both people are
available); each request at most once; each person at most maxMeetings, and at most one meeting
per slot; each slot at most `tables`; locked meetings fixed. `--lp` solves the LP relaxation.
Prints the optimum (or the best found and the dual bound at the time limit), and with
`--solution` the solver's objective and bound beside it.
"""
import argparse
import json
import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_matrix


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("instance")
    parser.add_argument("--lp", action="store_true")
    parser.add_argument("--time-limit", type=float, default=600)
    parser.add_argument("--solution")
    args = parser.parse_args()
    instance = json.load(open(args.instance))
    slots, tables = instance["slots"], instance["tables"]
    people = {p["id"]: p for p in instance["participants"]}
    available = {i: set(p.get("available", range(slots))) for i, p in people.items()}
    limit = {i: p.get("maxMeetings", slots) for i, p in people.items()}
    locked = {lock["request"]: lock["slot"] for lock in instance.get("locked", [])}

    variables = []
    for request in instance["requests"]:
        a, b = request["between"]
        for s in sorted(available[a] & available[b]):
            if request["id"] in locked and locked[request["id"]] != s:
                continue
            variables.append((request["id"], a, b, s, request["priority"]))
    rows, upper = [], []
    groups = {}
    for k, (rid, a, b, s, _) in enumerate(variables):
        for key in (("request", rid), ("person", a), ("person", b), ("cell", a, s), ("cell", b, s), ("slot", s)):
            groups.setdefault(key, []).append(k)
    for key, members in groups.items():
        rows.append(members)
        upper.append({"request": 1, "person": limit.get(key[1], 0), "cell": 1, "slot": tables}[key[0]])
    data, indices, pointers = [], [], [0]
    for members in rows:
        indices.extend(members)
        data.extend([1.0] * len(members))
        pointers.append(len(indices))
    matrix = csr_matrix((data, indices, pointers), shape=(len(rows), len(variables)))
    lower_bounds = np.array([1.0 if v[0] in locked else 0.0 for v in variables])
    cost = -np.array([v[4] for v in variables], dtype=float)
    start = time.time()
    result = milp(cost, constraints=LinearConstraint(matrix, -np.inf, np.array(upper, dtype=float)),
                  bounds=Bounds(lower_bounds, 1), integrality=None if args.lp else np.ones(len(variables)),
                  options={"time_limit": args.time_limit, "mip_rel_gap": 0})
    kind = "LP" if args.lp else "MIP"
    value = -result.fun if result.fun is not None else None
    print(f"{kind}: {len(variables)} variables, {result.message.strip()}, objective {value}, {time.time() - start:.1f} s")
    if not args.lp and getattr(result, "mip_dual_bound", None) is not None:
        print(f"dual bound {-result.mip_dual_bound}")
    if args.solution:
        solution = json.load(open(args.solution))
        print(f"solver: objective {solution['objective']}, bound {solution['bound']}")


if __name__ == "__main__":
    main()
