#!/usr/bin/python3
"""Expected values of Kendall's tau-b for RankCorrelationTests, computed by scipy (the peer).

Writes tests/AiContagion.Tests/Data/Sweep/kendall-tau-scipy.json: a list of cases {name, x, y, tau}, where tau is
scipy.stats.kendalltau(x, y).statistic (variant 'b', the default) and null when scipy returns NaN (undefined).
Inputs are fixed lists plus seeded random lists (numpy default_rng), so reruns give the same file.

Run with the Debian interpreter that has scipy:  /usr/bin/python3 tests/peers/kendall_tau.py
"""

import json
import math
import os

import numpy as np
import scipy
from scipy.stats import kendalltau

HERE = os.path.dirname(os.path.abspath(__file__))
OUTPUT = os.path.join(HERE, "..", "AiContagion.Tests", "Data", "Sweep", "kendall-tau-scipy.json")


def cases():
    # Fixed cases: no ties, reversed, ties in one list, ties in both, joint ties, all tied (undefined), two items.
    yield "identical", [1, 2, 3, 4, 5], [1, 2, 3, 4, 5]
    yield "reversed", [1, 2, 3, 4, 5], [5, 4, 3, 2, 1]
    yield "one swap", [1, 2, 3, 4, 5], [1, 3, 2, 4, 5]
    yield "ties in x", [1, 1, 2, 3, 3, 4], [1, 2, 3, 4, 5, 6]
    yield "ties in both", [0, 0, 1, 1, 2, 3], [0, 1, 1, 2, 2, 2]
    yield "joint ties", [1, 1, 1, 2, 2, 3], [5, 5, 4, 4, 4, 1]
    yield "all tied in y", [1, 2, 3], [7, 7, 7]
    yield "two items", [1, 2], [2, 1]
    # Ranking levels as RankingStability builds them (0 = worst key; equal keys share a level).
    yield "ranking levels", [0, 0, 1, 1, 1, 2, 3, 4, 4, 5], [1, 0, 0, 0, 2, 3, 3, 4, 5, 5]
    rng = np.random.default_rng(20260521)
    for n in (3, 8, 25, 60):
        yield f"random heavy ties n={n}", rng.integers(0, 4, n).tolist(), rng.integers(0, 4, n).tolist()
    for n in (10, 50, 200):
        x = rng.normal(size=n)
        y = x + rng.normal(scale=1.0, size=n)
        yield f"random continuous n={n}", [round(v, 6) for v in x.tolist()], [round(v, 6) for v in y.tolist()]
    x = rng.integers(0, 12, 300)
    y = np.where(rng.random(300) < 0.7, x, rng.integers(0, 12, 300))
    yield "random correlated ties n=300", x.tolist(), y.tolist()


def main():
    result = []
    for name, x, y in cases():
        tau = kendalltau(x, y).statistic
        result.append({"name": name, "x": x, "y": y, "tau": None if math.isnan(tau) else float(tau)})
    document = {
        "generator": "tests/peers/kendall_tau.py",
        "peer": f"scipy {scipy.__version__} scipy.stats.kendalltau (variant b), numpy {np.__version__}",
        "cases": result,
    }
    with open(OUTPUT, "w", encoding="utf-8", newline="\n") as f:
        json.dump(document, f, indent=1)
        f.write("\n")
    print(f"wrote {os.path.normpath(OUTPUT)}: {len(result)} cases")


if __name__ == "__main__":
    main()
