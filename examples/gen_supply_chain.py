#!/usr/bin/env python3
"""Generate a multi-plant, multi-period supply-chain process model for procopt.

    python3 examples/gen_supply_chain.py [--plants P] [--products K] [--dcs D]
        [--customers C] [--periods T] [--seed S] [--lp] [-o FILE]

Plants make products on one filling line each (setup = fixed_cost and
min_batch, overtime hours can be bought), ship them to distribution centres
(DCs), which deliver to customers; plants and DCs can store.  Customers
order a subset of the products with a seasonal demand; unserved orders cost
a shortage penalty.  The baseline is today's plan: every order delivered
from the nearest DC, every DC restocked from the nearest plant, every plant
producing exactly what it ships each period (lot-for-lot, a setup every
period).  Plant capacities are sized so that this baseline is feasible.

Only keys of the normative core are used (DESIGN.md), so the optimum of a
given (sizes, seed) is fixed forever.  Output is deterministic: the random
numbers come from SplitMix64 (not Python's `random`), and every number is
rounded to two decimals before it is written.

Sizes: activities per period = make (about 2 plants per product) + ship
(2 plants per DC and product) + deliver (2 DCs per ordered product); the
defaults give about 1600 activities, times --periods levels.  The compiled
model grows linearly with customers x products x periods: --customers and
--periods are the knobs for large models (bench/process_sweep.sh lists
sizes from 1e3 to 1e6 nonzeros).

--lp: the same model (same random numbers, so the same demands, costs and
capacities) without setups: the make activities keep their cost and "max"
but lose "fixed_cost" and "min_batch", so the model compiles to a pure LP
(storage, overtime, shortages and the baseline stay).  Without --lp the
output is exactly what earlier versions wrote.
"""
import argparse
import json
import math
import sys

MASK = (1 << 64) - 1


class SplitMix64:
    """Steele, Lea & Flood's SplitMix64: tiny, fast, identical everywhere."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def uniform(self, lo, hi):
        return lo + (hi - lo) * ((self.next() >> 11) * (1.0 / (1 << 53)))

    def below(self, n):
        return int(self.uniform(0, n)) % n


def r2(x):
    return round(x + 0.0, 2)


def dist(a, b):
    return math.hypot(a[0] - b[0], a[1] - b[1])


def nearest(origin, sites, among, n):
    """The n sites of `among` nearest to origin (ties by index)."""
    return sorted(among, key=lambda j: (dist(origin, sites[j]), j))[:n]


def generate(P, K, D, C, T, seed, lp=False):
    rng = SplitMix64(seed)
    periods = ["W%02d" % (t + 1) for t in range(T)]
    plant_xy = [(rng.uniform(0, 1000), rng.uniform(0, 1000)) for _ in range(P)]
    dc_xy = [(rng.uniform(0, 1000), rng.uniform(0, 1000)) for _ in range(D)]
    cust_xy = [(rng.uniform(0, 1000), rng.uniform(0, 1000)) for _ in range(C)]

    price = [r2(rng.uniform(40, 90)) for _ in range(K)]
    rate = [r2(rng.uniform(0.01, 0.03) * 1000) / 1000 for _ in range(K)]
    # Each product is made at min(2, P) plants.
    makers = []
    for k in range(K):
        first = rng.below(P)
        makers.append(sorted({first, (first + 1 + rng.below(max(P - 1, 1))) % P}))

    # Customers order about 60 % of the products, at least one.
    orders = []
    for c in range(C):
        ks = [k for k in range(K) if rng.uniform(0, 1) < 0.6]
        if not ks:
            ks = [rng.below(K)]
        orders.append(ks)

    demand = {}
    for c in range(C):
        for k in orders[c]:
            base = rng.uniform(20, 120)
            phase = rng.uniform(0, 2 * math.pi)
            demand[(c, k)] = [
                float(max(0, round(base * (1 + 0.25 * math.sin(2 * math.pi * t / 13 + phase))
                                   * rng.uniform(0.85, 1.15))))
                for t in range(T)]

    acts = {}
    base_level = {}

    def add_act(name, body, level):
        acts[name] = body
        base_level[name] = level

    # Deliveries: each ordered product from the two nearest DCs; the
    # baseline uses the nearest.
    dc_out = {(d, k): [0.0] * T for d in range(D) for k in range(K)}
    for c in range(C):
        near = nearest(cust_xy[c], dc_xy, range(D), min(2, D))
        for k in orders[c]:
            for i, d in enumerate(near):
                lv = list(demand[(c, k)]) if i == 0 else [0.0] * T
                if i == 0:
                    for t in range(T):
                        dc_out[(d, k)][t] += lv[t]
                km = dist(dc_xy[d], cust_xy[c])
                add_act("deliver_D%d_C%d_K%d" % (d, c, k),
                        {"cost": r2(1.5 + 0.012 * km),
                         "in": {"D%d_K%d" % (d, k): 1},
                         "out": {"C%d_K%d" % (c, k): 1}}, lv)

    # Trunk shipments: each DC from the two nearest plants making the
    # product; the baseline uses the nearest.
    plant_out = {(p, k): [0.0] * T for p in range(P) for k in range(K)}
    for d in range(D):
        for k in range(K):
            near = nearest(dc_xy[d], plant_xy, makers[k], 2)
            for i, p in enumerate(near):
                lv = list(dc_out[(d, k)]) if i == 0 else [0.0] * T
                if i == 0:
                    for t in range(T):
                        plant_out[(p, k)][t] += lv[t]
                km = dist(plant_xy[p], dc_xy[d])
                add_act("ship_P%d_D%d_K%d" % (p, d, k),
                        {"cost": r2(0.4 + 0.004 * km),
                         "in": {"P%d_K%d" % (p, k): 1},
                         "out": {"D%d_K%d" % (d, k): 1}}, lv)

    # Line capacity: 10 % above today's busiest period, one maintenance
    # period per plant just above today's load of that period.
    hours = [[sum(plant_out[(p, k)][t] * rate[k] for k in makers_of(p, makers))
              for t in range(T)] for p in range(P)]
    cap = []
    for p in range(P):
        peak = max(hours[p]) if T else 0.0
        c = [float(math.ceil(1.10 * peak + 1)) for _ in range(T)]
        m = rng.below(T)
        c[m] = float(math.ceil(1.02 * hours[p][m] + 1))
        cap.append(c)
    buy_max = [float(math.ceil(0.1 * max(cap[p]))) for p in range(P)]

    for p in range(P):
        for k in makers_of(p, makers):
            lv = plant_out[(p, k)]
            positive = [v for v in lv if v > 0]
            mb = float(max(1, math.floor(0.5 * min(positive)))) if positive else 10.0
            # A run covers at most three weeks of the product's total
            # demand (shelf life), and never more than the line's hours:
            # a finite bound, and a tight big-M for the setup binary.
            need = max(sum(demand[(c, k)][t] for c in range(C) if (c, k) in demand)
                       for t in range(T))
            mx = float(min(math.floor((max(cap[p]) + buy_max[p]) / rate[k]),
                           math.ceil(3 * need)))
            body = {"cost": r2(0.45 * price[k] * rng.uniform(0.9, 1.1)),
                    "fixed_cost": r2(rng.uniform(400, 1500)),
                    "min_batch": mb, "max": mx,
                    "in": {"line_P%d_h" % p: rate[k]},
                    "out": {"P%d_K%d" % (p, k): 1}}
            if lp:
                # Drawn all the same, so both versions share every other number.
                del body["fixed_cost"], body["min_batch"]
            add_act("make_P%d_K%d" % (p, k), body, list(lv))

    items = {}
    for p in range(P):
        items["line_P%d_h" % p] = {"capacity": cap[p], "buy_cost": r2(rng.uniform(110, 180)),
                                   "buy_max": buy_max[p]}
        for k in makers_of(p, makers):
            weekly = sum(plant_out[(p, k)]) / max(T, 1)
            items["P%d_K%d" % (p, k)] = {"store_cost": r2(0.004 * price[k]),
                                          "store_max": float(math.ceil(4 * weekly + 50))}
    for d in range(D):
        for k in range(K):
            weekly = sum(dc_out[(d, k)]) / max(T, 1)
            items["D%d_K%d" % (d, k)] = {"store_cost": r2(0.006 * price[k]),
                                          "store_max": float(math.ceil(3 * weekly + 30))}
    for c in range(C):
        for k in orders[c]:
            items["C%d_K%d" % (c, k)] = {"demand": demand[(c, k)], "price": price[k],
                                          "shortage_cost": r2(0.25 * price[k])}

    # Reorder: plant items first, then DCs, then customers (readability).
    activities = {}
    for prefix in ("make_", "ship_", "deliver_"):
        for name, body in acts.items():
            if name.startswith(prefix):
                activities[name] = body
    baseline = {}
    for name in activities:
        lv = base_level[name]
        if any(v != 0 for v in lv):
            baseline[name] = lv

    return {
        "name": "Generated supply chain: %d plants, %d products, %d DCs, %d customers, %d periods, seed %d%s"
                % (P, K, D, C, T, seed, ", no setups (LP)" if lp else ""),
        "currency": "EUR",
        "periods": periods,
        "horizons_per_year": r2(52.0 / T),
        "objective": "max_margin",
        "items": items,
        "activities": activities,
        "baseline": baseline,
        "uncertainty": {"scenarios": 200, "seed": seed,
                        "demand": {"*": {"rel_sd": 0.1}},
                        "cost": {"*": {"rel_range": 0.1}}},
        "mvp": {"build_cost": 250000, "run_cost_per_year": 40000, "years": 3},
    }


def makers_of(p, makers):
    return [k for k in range(len(makers)) if p in makers[k]]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--plants", type=int, default=4)
    ap.add_argument("--products", type=int, default=10)
    ap.add_argument("--dcs", type=int, default=6)
    ap.add_argument("--customers", type=int, default=120)
    ap.add_argument("--periods", type=int, default=12)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--lp", action="store_true",
                    help="no setups (fixed_cost, min_batch): a pure LP")
    ap.add_argument("-o", "--output", default="-")
    a = ap.parse_args()
    for name in ("plants", "products", "dcs", "customers", "periods"):
        if getattr(a, name) < 1:
            ap.error("--%s must be at least 1" % name)
    if a.seed < 0:
        ap.error("--seed must be non-negative")
    model = generate(a.plants, a.products, a.dcs, a.customers, a.periods, a.seed, a.lp)
    text = json.dumps(model, indent=1) + "\n"
    if a.output == "-":
        sys.stdout.write(text)
    else:
        with open(a.output, "w") as f:
            f.write(text)
    n_act = len(model["activities"])
    sys.stderr.write("gen_supply_chain: %d items, %d activities, %d periods\n"
                     % (len(model["items"]), n_act, a.periods))


if __name__ == "__main__":
    main()
