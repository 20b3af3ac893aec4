#!/usr/bin/env python3
"""Checks the fairness option of `scon solve assignment` against an exact MILP (issue 16).

For each size it generates instances as SconDomain's `GeneratedAssignment.fixedCapacity`
does (instances.py: heavy-tailed affinities, 2% conflicts, capacity ceil(1.1 x reviews needed
per reviewer), k = 3; or, with --family contested, as `GeneratedAssignment.contested`), runs the solver on each (instance JSON on stdin, result JSON on stdout,
wall time measured around the process), checks the answer (k different reviewers per
proposal, capacities, no conflict) and recomputes its weakest proposal and total, solves both
levels exactly with HiGHS (milp.py) and prints, per size:

  - the share of instances where the solver's weakest equals the MILP optimum, and where its
    total equals the level-2 optimum too;
  - the worst ratio weakest / optimum;
  - the solver's times (median and max);
  - whether its weakestBound was ever below the optimum, its totalBound below the level-2
    optimum, or a `proven`/`totalProven` claim contradicted by the MILP.

Where HiGHS stops at its time limit on level 1 but the solver's weakest (recomputed here from
its assignment) meets HiGHS's bound, that proves the weakest optimal independently of the
solver's own claims, and level 2 is solved at that level; otherwise HiGHS's best solution and
bound stand in, and the line says so: a ratio against HiGHS's bound is then a lower bound of
the true ratio, and a solver bound is only shown wrong when it is below HiGHS's best solution.

  pip install -r bench/fairness/requirements.txt
  python3 bench/fairness/run.py --solver "swift run -c release scon solve assignment"
  python3 bench/fairness/run.py --solver .build/release/scon --solver-args "solve assignment" \\
      --sizes 120x40:30,500x100:10,2000x300:3

MILP results are cached (--cache, default bench/fairness/cache/) since the large ones take
minutes; delete the folder to solve them again.
"""

import argparse
import json
import math
import os
import shlex
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from instances import contested, fixed_capacity  # noqa: E402
from milp import Model  # noqa: E402

DEFAULT_TIME_LIMITS = {"120x40": 5, "500x100": 5, "2000x300": 30}
DEFAULT_MILP_LIMITS = {"120x40": 600, "500x100": 300, "2000x300": 600}


def parse_sizes(text):
    sizes = []
    for item in text.split(","):
        shape, _, count = item.partition(":")
        proposals, reviewers = (int(x) for x in shape.split("x"))
        sizes.append((f"{proposals}x{reviewers}", proposals, reviewers, int(count or 1)))
    return sizes


def parse_limits(text, default):
    limits = dict(default)
    for item in (text or "").split(","):
        if item:
            key, _, value = item.partition("=")
            limits[key] = float(value)
    return limits


def run_solver(command, instance):
    data = json.dumps(instance).encode()
    start = time.perf_counter()
    done = subprocess.run(command, input=data, capture_output=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"solver failed ({done.returncode}): {done.stderr.decode().strip()}")
    return json.loads(done.stdout), seconds


def check(instance, result):
    """The weakest proposal's total and the total, recomputed; raises on an invalid answer."""
    k = instance["reviewsPerProposal"]
    capacity = {r["id"]: r["capacity"] for r in instance["reviewers"]}
    score = {(a["proposal"], a["reviewer"]): a["score"] for a in instance["affinity"]}
    conflicts = {(c["proposal"], c["reviewer"]) for c in instance["conflicts"]}
    per_proposal = {p: set() for p in instance["proposals"]}
    load = {r: 0 for r in capacity}
    for pair in result["assignments"]:
        key = (pair["proposal"], pair["reviewer"])
        if key in conflicts:
            raise ValueError(f"conflicted pair {key}")
        if pair["reviewer"] in per_proposal[pair["proposal"]]:
            raise ValueError(f"pair twice {key}")
        per_proposal[pair["proposal"]].add(pair["reviewer"])
        load[pair["reviewer"]] += 1
    for p, reviewers in per_proposal.items():
        if len(reviewers) != k:
            raise ValueError(f"{p} has {len(reviewers)} reviewers")
    for r, count in load.items():
        if count > capacity[r]:
            raise ValueError(f"{r} over capacity")
    totals = [sum(score.get((p, r), 0) for r in reviewers) for p, reviewers in per_proposal.items()]
    if sum(totals) != result["objective"]:
        raise ValueError("objective is not the sum of the pairs' affinities")
    return min(totals), sum(totals)


def exact(instance, key, cache, limit, weakest):
    """Both levels by HiGHS. Level 2 is solved at the level-1 optimum: HiGHS's own when it
    proves one, or else the solver's weakest when that (checked by `check`) meets HiGHS's
    bound, which proves it optimal independently."""
    path = os.path.join(cache, key + ".json")
    answer = None
    if os.path.exists(path):
        with open(path) as f:
            answer = json.load(f)
    model = None
    if answer is None:
        model = Model(instance)
        status, value, bound, seconds = model.level_one(limit)
        answer = {"level": {"optimal": status == 0, "value": value, "bound": bound, "seconds": seconds}}
    level = answer["level"]
    optimum = level["value"] if level["optimal"] else None
    if optimum is None and level["bound"] is not None and weakest >= math.floor(level["bound"] + 1e-6):
        optimum = weakest
    at = optimum if optimum is not None else level["value"]
    if at is not None and (answer.get("total") or {}).get("atLevel") != at:
        model = model or Model(instance)
        status2, total, bound2, seconds2 = model.level_two(at, limit)
        answer["total"] = {"optimal": status2 == 0 and optimum is not None, "value": total, "bound": bound2,
                           "seconds": seconds2, "atLevel": at}
    answer["optimum"] = optimum
    os.makedirs(cache, exist_ok=True)
    with open(path, "w") as f:
        json.dump(answer, f)
    return answer


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--solver", required=True, help="the solver command (split like a shell would)")
    parser.add_argument("--solver-args", default="", help="arguments appended to the solver command")
    parser.add_argument("--sizes", default="120x40:30,500x100:10,2000x300:3", help="PxR:count,...")
    parser.add_argument("--first-seed", type=int, default=1)
    parser.add_argument("--k", type=int, default=3)
    parser.add_argument("--family", choices=["fixed", "contested"], default="fixed",
                        help="fixed: issue 16's instances (default); contested: those of scon bench assignment's fairness table")
    parser.add_argument("--time-limit", default="", help="timeLimitSeconds per size, e.g. 120x40=5 (defaults 5, 5, 30)")
    parser.add_argument("--milp-time-limit", default="", help="seconds per MILP level per size (defaults 600, 300, 600)")
    parser.add_argument("--cache", default=os.path.join(here, "cache"))
    parser.add_argument("--json", help="also write every instance's figures to this file")
    args = parser.parse_args()
    command = shlex.split(args.solver) + shlex.split(args.solver_args)
    limits = parse_limits(args.time_limit, DEFAULT_TIME_LIMITS)
    milp_limits = parse_limits(args.milp_time_limit, DEFAULT_MILP_LIMITS)

    rows, summaries = [], []
    for name, proposals, reviewers, count in parse_sizes(args.sizes):
        figures = []
        for seed in range(args.first_seed, args.first_seed + count):
            generate = fixed_capacity if args.family == "fixed" else contested
            instance = generate(proposals, reviewers, args.k, seed)
            if name in limits:
                instance["timeLimitSeconds"] = limits[name]
            result, seconds = run_solver(command, instance)
            weakest, total = check(instance, result)
            report = result["fairness"]
            if report["weakest"] != weakest:
                raise ValueError(f"{name} seed {seed}: reported weakest {report['weakest']}, recomputed {weakest}")
            key = f"{args.family}-{proposals}x{reviewers}-k{args.k}-s{seed}-t{int(milp_limits.get(name, 600))}"
            truth = exact(instance, key, args.cache, milp_limits.get(name, 600), weakest)
            level, level2 = truth["level"], truth.get("total")
            optimum = truth["optimum"]
            reference = optimum if optimum is not None else level["bound"]
            row = {
                "size": name, "seed": seed, "seconds": seconds, "weakest": weakest, "total": total,
                "weakestBound": report["weakestBound"], "proven": report["proven"],
                "totalBound": report.get("totalBound"), "totalProven": report.get("totalProven"),
                "milpWeakest": level["value"], "milpWeakestBound": level["bound"], "milpWeakestOptimal": level["optimal"],
                "milpTotal": level2 and level2["value"], "milpTotalBound": level2 and level2["bound"],
                "milpTotalOptimal": bool(level2 and level2["optimal"]),
                "milpSeconds": level["seconds"] + (level2["seconds"] if level2 else 0),
            }
            row["optimum"] = optimum
            row["matched"] = optimum is not None and weakest == optimum
            row["ratio"] = weakest / reference if reference else 1.0
            row["matchedTotal"] = row["matched"] and row["milpTotalOptimal"] and total == level2["value"]
            milp_best = optimum if optimum is not None else (level["value"] if level["value"] is not None else float("-inf"))
            row["boundBelowOptimum"] = report["weakestBound"] < milp_best
            row["falseProof"] = report["proven"] and weakest < milp_best
            if level2 and level2["value"] is not None and optimum is not None and weakest == optimum and level2["optimal"]:
                row["totalBoundBelowOptimum"] = report.get("totalBound", float("inf")) < level2["value"]
                row["falseTotalProof"] = bool(report.get("totalProven")) and total < level2["value"]
            else:
                row["totalBoundBelowOptimum"] = row["falseTotalProof"] = False
            figures.append(row)
            rows.append(row)
            if level["optimal"]:
                exactness = "optimal"
            elif optimum is not None:
                exactness = f"stopped at {milp_limits.get(name)} s, bound {level['bound']:.1f} met by the solver's weakest"
            else:
                exactness = f"stopped at {milp_limits.get(name)} s, bound {level['bound']:.1f}"
            print(f"{name} seed {seed}: weakest {weakest} (bound {report['weakestBound']}, proven {report['proven']}), "
                  f"total {total} (bound {report.get('totalBound')}, proven {report.get('totalProven')}), {seconds:.2f} s | "
                  f"MILP weakest {level['value']} [{exactness}], total {level2 and level2['value']} "
                  f"[{'optimal' if row['milpTotalOptimal'] else 'not proved'}], {row['milpSeconds']:.1f} s", flush=True)
        times = [f["seconds"] for f in figures]
        summary = {
            "size": name, "instances": len(figures),
            "milpOptimal": sum(f["milpWeakestOptimal"] for f in figures),
            "optimumKnown": sum(f["optimum"] is not None for f in figures),
            "matched": sum(f["matched"] for f in figures),
            "matchedTotal": sum(f["matchedTotal"] for f in figures),
            "worstRatio": min(f["ratio"] for f in figures),
            "medianSeconds": statistics.median(times), "maxSeconds": max(times),
            "proven": sum(f["proven"] for f in figures), "totalProven": sum(bool(f["totalProven"]) for f in figures),
            "boundBelowOptimum": sum(f["boundBelowOptimum"] for f in figures),
            "totalBoundBelowOptimum": sum(f["totalBoundBelowOptimum"] for f in figures),
            "falseProofs": sum(f["falseProof"] or f["falseTotalProof"] for f in figures),
        }
        summaries.append(summary)

    print()
    print(f"family {args.family}; solver time limits {limits}; MILP limits {milp_limits} s per level")
    print("| size | instances | MILP optimal (optimum known) | weakest = optimum | total = optimum too | worst ratio | median s | max s "
          "| proven | total proven | bound < optimum | false proofs |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s in summaries:
        n = s["instances"]
        print(f"| {s['size']} | {n} | {s['milpOptimal']}/{n} ({s['optimumKnown']}/{n}) | {s['matched']}/{n} | {s['matchedTotal']}/{n} | "
              f"{s['worstRatio']:.4f} | {s['medianSeconds']:.2f} | {s['maxSeconds']:.2f} | {s['proven']}/{n} | "
              f"{s['totalProven']}/{n} | {s['boundBelowOptimum'] + s['totalBoundBelowOptimum']} | {s['falseProofs']} |")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"instances": rows, "summaries": summaries}, f, indent=1)


if __name__ == "__main__":
    main()
