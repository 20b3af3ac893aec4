"""The independent check: the fairness option's two levels as mixed-integer programs,
solved by HiGHS through scipy.optimize.milp.

Level 1:  max L  s.t.  sum_r x_pr = k (every p),  sum_p x_pr <= c_r (every r),
                       sum_r s_pr x_pr >= L (every p),  x binary, conflicts absent, pins fixed.
Level 2:  the same with L fixed at the level-1 optimum, maximising sum s_pr x_pr.
"""

import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix


class Model:
    """The instance in arrays: one column per pair that may be assigned."""

    def __init__(self, instance):
        self.k = instance["reviewsPerProposal"]
        self.proposals = instance["proposals"]
        self.reviewers = [r["id"] for r in instance["reviewers"]]
        self.capacity = np.array([r["capacity"] for r in instance["reviewers"]], dtype=float)
        pi = {p: i for i, p in enumerate(self.proposals)}
        ri = {r: j for j, r in enumerate(self.reviewers)}
        P, R = len(self.proposals), len(self.reviewers)
        score = np.zeros((P, R))
        for a in instance.get("affinity", []):
            score[pi[a["proposal"]], ri[a["reviewer"]]] = a["score"]
        allowed = np.ones((P, R), dtype=bool)
        for c in instance.get("conflicts", []):
            allowed[pi[c["proposal"]], ri[c["reviewer"]]] = False
        pinned = np.zeros((P, R), dtype=bool)
        for c in instance.get("pinned", []):
            pinned[pi[c["proposal"]], ri[c["reviewer"]]] = True
        self.p, self.r = np.nonzero(allowed | pinned)
        self.s = score[self.p, self.r]
        self.fixed = pinned[self.p, self.r]
        self.P, self.R, self.n = P, R, len(self.p)

    def _rows(self, with_level):
        n, P, R = self.n, self.P, self.R
        cols = np.arange(n)
        rows = [self.p, P + self.r]
        data = [np.ones(n), np.ones(n)]
        cs = [cols, cols]
        lb = [np.full(P, self.k), np.zeros(R)]
        ub = [np.full(P, self.k), self.capacity]
        if with_level is not None:
            rows.append(P + R + self.p)
            data.append(self.s)
            cs.append(cols)
            if with_level == "variable":  # - L in every level row (column n)
                rows.append(P + R + np.arange(P))
                data.append(-np.ones(P))
                cs.append(np.full(P, n))
                lb.append(np.zeros(P))
            else:
                lb.append(np.full(P, float(with_level)))
            ub.append(np.full(P, np.inf))
        shape = (P + R + (P if with_level is not None else 0), n + (1 if with_level == "variable" else 0))
        A = coo_matrix((np.concatenate(data), (np.concatenate(rows), np.concatenate(cs))), shape=shape).tocsr()
        return LinearConstraint(A, np.concatenate(lb), np.concatenate(ub))

    def _bounds(self, extra):
        lo = np.where(self.fixed, 1.0, 0.0)
        hi = np.ones(self.n)
        if extra:
            lo, hi = np.append(lo, 0.0), np.append(hi, np.inf)
        return Bounds(lo, hi)

    def level_one(self, time_limit, relax=False):
        """(status, incumbent L or None, dual bound, seconds)."""
        c = np.zeros(self.n + 1)
        c[-1] = -1.0
        integrality = np.append(np.ones(self.n), 0) if not relax else np.zeros(self.n + 1)
        start = time.perf_counter()
        res = milp(c, constraints=self._rows("variable"), integrality=integrality, bounds=self._bounds(True),
                   options={"time_limit": time_limit, "disp": False, "mip_rel_gap": 0})
        seconds = time.perf_counter() - start
        return self._answer(res, relax, seconds)

    @staticmethod
    def _answer(res, relax, seconds):
        value = -res.fun if res.x is not None and res.fun is not None else None
        if relax:
            return res.status, value, value, seconds
        dual = getattr(res, "mip_dual_bound", None)
        bound = -dual if dual is not None and np.isfinite(dual) else (value if res.status == 0 else float("inf"))
        return res.status, (round(value) if value is not None else None), float(bound), seconds

    def level_two(self, level, time_limit, relax=False):
        """(status, incumbent total or None, dual bound, seconds) with every proposal at least `level`."""
        integrality = np.ones(self.n) if not relax else np.zeros(self.n)
        start = time.perf_counter()
        res = milp(-self.s, constraints=self._rows(level), integrality=integrality, bounds=self._bounds(False),
                   options={"time_limit": time_limit, "disp": False, "mip_rel_gap": 0})
        seconds = time.perf_counter() - start
        return self._answer(res, relax, seconds)

    def best_sets(self):
        """Each proposal's k best allowed scores, capacity ignored (the trivial bound)."""
        best = []
        for i in range(self.P):
            s = np.sort(self.s[self.p == i])[::-1]
            best.append(s[: self.k].sum())
        return np.array(best)
