#!/usr/bin/env python3
"""Reference translator: procopt process model (JSON, normative core only)
-> CPLEX LP, written from the equations of DESIGN.md's "Process model (JSON):
the normative core", independently of procopt's own compiler.  It exists to
cross-check procopt (and the hand-written examples/*.check.lp files); it is
deliberately naive and rejects everything outside the normative core.

    python3 examples/ref_lp.py model.json > model.ref.lp
    glpsol --lp model.ref.lp -o out.txt      # or: cbc model.ref.lp solve

The LP minimizes total cost.  Constants of the objective (shortage_cost x
demand) ride on a column ONE fixed at 1, because CPLEX LP has no constant
term that every reader accepts.  With --baseline the activity levels are
fixed to the model's baseline (on/off binaries follow them).
"""
import json
import math
import sys

ITEM_KEYS = {"buy_cost", "buy_max", "store_cost", "store_max", "capacity",
             "demand", "price", "shortage_cost", "initial"}
ACT_KEYS = {"cost", "min", "max", "fixed_cost", "min_batch", "integer",
            "binary", "in", "out"}
CON_KEYS = {"name", "terms", "min", "max"}
TOP_KEYS = {"name", "currency", "periods", "horizons_per_year", "objective",
            "items", "activities", "constraints", "baseline", "uncertainty",
            "mvp"}


def die(msg):
    sys.stderr.write("ref_lp: %s\n" % msg)
    sys.exit(2)


def per_period(v, n, what):
    if isinstance(v, list):
        if len(v) != n:
            die("%s: %d values for %d periods" % (what, len(v), n))
        return [float(a) for a in v]
    return [float(v)] * n


def num(x):
    s = repr(float(x))
    if s.endswith(".0"):
        s = s[:-2]
    return s


class LP:
    def __init__(self):
        self.obj = {}        # column -> coefficient
        self.bounds = {}     # column -> (lb, ub)
        self.kind = {}       # column -> "C" | "I" | "B"
        self.rows = []       # (name, {col: coef}, sense, rhs)
        self.order = []

    def col(self, name, lb=0.0, ub=math.inf, cost=0.0, kind="C"):
        assert name not in self.bounds, name
        self.bounds[name] = (lb, ub)
        self.obj[name] = cost
        self.kind[name] = kind
        self.order.append(name)
        return name

    def row(self, name, terms, sense, rhs):
        self.rows.append((name, terms, sense, rhs))

    def write(self, out):
        def lin(terms):
            parts = []
            for c, a in terms.items():
                if a == 0:
                    continue
                parts.append(("- " if a < 0 else "+ ") + num(abs(a)) + " " + c)
            return " ".join(parts) if parts else "0 ONE"
        out.write("\\ written by examples/ref_lp.py (reference, not procopt)\n")
        out.write("Minimize\n total_cost: %s\nSubject To\n" % lin(
            {c: self.obj[c] for c in self.order}))
        for name, terms, sense, rhs in self.rows:
            out.write(" %s: %s %s %s\n" % (name, lin(terms), sense, num(rhs)))
        out.write("Bounds\n")
        for c in self.order:
            lb, ub = self.bounds[c]
            if lb == ub:
                out.write(" %s = %s\n" % (c, num(lb)))
            elif ub == math.inf:
                out.write(" %s >= %s\n" % (c, num(lb)))
            else:
                out.write(" %s <= %s <= %s\n" % (num(lb), c, num(ub)))
        gen = [c for c in self.order if self.kind[c] in "IB"]
        if gen:
            out.write("General\n")
            for c in gen:
                out.write(" %s\n" % c)
        out.write("End\n")


def translate(m, baseline=False):
    for k in m:
        if k not in TOP_KEYS:
            die("unknown top-level key %r" % k)
    periods = m.get("periods", ["p1"])
    T = len(periods)
    items = m.get("items", {})
    acts = m.get("activities", {})
    lp = LP()
    lp.col("ONE", 1.0, 1.0)
    const = []
    prod = {(i, t): {} for i in items for t in range(T)}   # balance terms

    # activities
    base = m.get("baseline", {}) if baseline else None
    for a, d in acts.items():
        for k in d:
            if k not in ACT_KEYS:
                die("activity %s: unknown key %r" % (a, k))
        lo = per_period(d.get("min", 0), T, a + ".min")
        hi = per_period(d.get("max", math.inf), T, a + ".max")
        cost = per_period(d.get("cost", 0), T, a + ".cost")
        fc = per_period(d["fixed_cost"], T, a) if "fixed_cost" in d else None
        mb = per_period(d["min_batch"], T, a) if "min_batch" in d else None
        kind = "C"
        if d.get("integer"):
            kind = "I"
        if d.get("binary"):
            kind = "B"
            lo = [max(0.0, v) for v in lo]
            hi = [min(1.0, v) for v in hi]
        for t in range(T):
            x = "x_%s_%s" % (a, periods[t])
            lb, ub = lo[t], hi[t]
            if base is not None:
                lv = per_period(base.get(a, 0), T, "baseline." + a)[t]
                lb = ub = lv
            lp.col(x, lb, ub, cost[t], kind)
            for i, r in d.get("in", {}).items():
                if i not in items:
                    die("activity %s uses unknown item %s" % (a, i))
                prod[(i, t)][x] = prod[(i, t)].get(x, 0.0) - float(r)
            for i, r in d.get("out", {}).items():
                if i not in items:
                    die("activity %s makes unknown item %s" % (a, i))
                prod[(i, t)][x] = prod[(i, t)].get(x, 0.0) + float(r)
            if fc is not None or mb is not None:
                M = ub
                if M == math.inf:
                    die("activity %s: fixed_cost/min_batch without finite max" % a)
                y = lp.col("y_%s_%s" % (a, periods[t]), 0, 1,
                           fc[t] if fc else 0.0, "B")
                lp.row("on_%s_%s" % (a, periods[t]), {x: 1.0, y: -M}, "<=", 0)
                if mb is not None:
                    lp.row("mb_%s_%s" % (a, periods[t]), {x: 1.0, y: -mb[t]},
                           ">=", 0)

    # items
    for i, d in items.items():
        for k in d:
            if k not in ITEM_KEYS:
                die("item %s: unknown key %r" % (i, k))
        g = lambda k, dflt: per_period(d.get(k, dflt), T, i + "." + k)
        for t in range(T):
            p = periods[t]
            terms = dict(prod[(i, t)])
            if "buy_cost" in d or "buy_max" in d:
                b = lp.col("buy_%s_%s" % (i, p), 0, g("buy_max", math.inf)[t],
                           g("buy_cost", 0)[t])
                terms[b] = 1.0
            if "capacity" in d:
                lp.row("cap_%s_%s" % (i, p), terms, ">=", -g("capacity", 0)[t])
                continue
            rhs = 0.0
            if "demand" in d:
                dem = g("demand", 0)[t]
                price = g("price", 0)[t]
                if "shortage_cost" in d:
                    sc = g("shortage_cost", 0)[t]
                    s = lp.col("sold_%s_%s" % (i, p), 0, dem, -price - sc)
                    const.append(sc * dem)
                else:
                    s = lp.col("sold_%s_%s" % (i, p), dem, dem, -price)
                terms[s] = -1.0
            if any(k in d for k in ("store_cost", "store_max", "initial")):
                st = lp.col("stock_%s_%s" % (i, p), 0,
                            g("store_max", math.inf)[t], g("store_cost", 0)[t])
                terms[st] = -1.0
                if t == 0:
                    rhs -= float(d.get("initial", 0))
                else:
                    terms["stock_%s_%s" % (i, periods[t - 1])] = 1.0
            lp.row("bal_%s_%s" % (i, p), terms, "=", rhs)

    for c in m.get("constraints", []):
        for k in c:
            if k not in CON_KEYS:
                die("constraint %s: unknown key %r" % (c.get("name"), k))
        lo = per_period(c.get("min", -math.inf), T, c["name"])
        hi = per_period(c.get("max", math.inf), T, c["name"])
        for t in range(T):
            terms = {"x_%s_%s" % (a, periods[t]): float(v)
                     for a, v in c["terms"].items()}
            n = "%s_%s" % (c["name"], periods[t])
            if lo[t] == hi[t]:
                lp.row(n, terms, "=", lo[t])
            else:
                if lo[t] > -math.inf:
                    lp.row(n + "_lo", terms, ">=", lo[t])
                if hi[t] < math.inf:
                    lp.row(n + "_hi", terms, "<=", hi[t])
    lp.obj["ONE"] = math.fsum(const)
    return lp


def main(argv):
    baseline = "--baseline" in argv
    args = [a for a in argv if a != "--baseline"]
    if len(args) != 1:
        die("usage: ref_lp.py [--baseline] model.json > model.lp")
    with open(args[0]) as f:
        m = json.load(f)
    translate(m, baseline).write(sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
