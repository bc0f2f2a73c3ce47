#!/bin/sh
# bench/process_sweep.sh -- procopt on its home ground: generated process
# models of growing size (examples/gen_supply_chain.py), solved by procopt
# from the JSON and from the exported MPS, and by the peers on that MPS, in
# one run; plus procopt's model building against the size.  A measurement,
# not a test: exit status 1 only when procopt gives a wrong LP answer (or an
# error); times never fail.
#
#   sh bench/process_sweep.sh [options]
#
# Options:
#   --lp | --mip | --both   which sets (default --both): LP = the generator's
#                      --lp models (storage, overtime, shortages, no setups);
#                      MIP = the same models with setups (fixed_cost,
#                      min_batch: on/off binaries)
#   --sizes LIST       LP sizes, nonzeros of the compiled model, from
#                      1e3,1e4,1e5,5e5,1e6 (default: all five)
#   --mip-sizes LIST   MIP sizes, from the same list (default 1e3,1e4,1e5:
#                      beyond, no solver proves a 0.1 % gap in minutes)
#   --time-limit S     CPU-seconds limit per model and solver for LPs
#                      (default 120), the same for all (bench/timed_run: CPU
#                      limit, and a wall-clock guard of 30x + 60 s against
#                      anything that sleeps; on a shared, loaded machine a
#                      wall-clock limit would give each run a different
#                      amount of work)
#   --mip-time-limit S the same for MIPs (default 120): cbc gets it as its
#                      own limit (-sec, CPU seconds) and reports its best
#                      plan; procopt, glpsol and lp_solve count wall-clock
#                      seconds, so they get 10x that as their own limit
#                      (else a loaded machine would stop them with a
#                      fraction of the CPU time) and are stopped by the CPU
#                      limit, 30 s after S, without a plan
#   --gap G            relative MIP gap every solver stops at (default 0.001)
#   --solvers LIST     comma-separated, in column order (default
#                      procopt-json,procopt-mps,glpsol,clp,cbc,lp_solve);
#                      a solver not installed is skipped with a note
#   --seed N           generator seed (default 1)
#   --build-reps N     repetitions of bench/build_vs_glpk per model (default 3)
#   --no-build         skip the model-building measurement
#   --tolerance T      relative tolerance of the LP objective check (1e-6)
#   --out DIR          write the raw results there (created): sweep.tsv (one
#                      line per model and solver), build.tsv (model building
#                      per model), models.tsv (sizes and generator
#                      arguments), info.txt (revision, machine, load) and
#                      report.txt (what is printed)
#   --keep             keep the generated models (DIR/models, else a
#                      temporary directory that is removed)
#   --report DIR       print the report of such a DIR again; run nothing
#   -h, --help         this help
#
# The suite driver runs `sh bench/process_sweep.sh --out DIR`.
#
# What runs, per model, each under the same CPU-time limit, whole process
# (start-up, reading, solving), timed by bench/timed_run when built (else
# GNU time + timeout): wall, user and system CPU seconds, peak RSS.
#   procopt-json  `procopt solve --json MODEL.json`: load, compile, solve the
#                 plan with sensitivity and the baseline (the models have
#                 one), report -- what a user of the command gets
#   procopt-mps   bench/solve_one on the exported free MPS (po_solve with
#                 the library's defaults): the same solve as the peers'
#   glpsol        `glpsol --freemps FILE` (its defaults: primal simplex;
#                 branch-and-cut without cuts)
#   clp           `clp FILE -solve` (LPs only)
#   cbc           `cbc FILE -threads 0 -solve -quit` (single-threaded)
#   lp_solve      `lp_solve -fmps FILE -S1` (the objective only)
# and for MIPs the relative gap and a time limit, each in the solver's own
# words: procopt --gap --time-limit, solve_one --gap --time-limit, glpsol
# --mipgap --tmlim, lp_solve -gr -timeout (wall clock: 10x the limit),
# cbc -ratioGap -sec (CPU: the limit).
# The MPS is `procopt export MODEL.json -o MODEL.mps` (free MPS): the total
# cost, minimized, with no objective constant (shortage costs are carried
# by variables), so every reader sees the same number; a max_margin
# model's margin is minus that optimum, and procopt-json's figure is its
# "total_cost".
# Checks: LPs: rel.err = |obj - ref| / max(1, |ref|), ref = procopt-json's
# total cost (else the first solver with an optimum), tolerance 1e-6;
# a wrong optimum is WRONG.  MIPs: every solver stops at the same relative
# gap; "gap" = it proved the gap within the limit (the time is the time to
# reach it), "time" = stopped at the limit (objective = its best plan);
# dev = (obj - best) / |best| against the best plan any solver found.
# Model building (bench/build_vs_glpk --process MODEL.json): CPU seconds of
# po_process_load_file (JSON read) and po_process_compile, and the ratio of
# building the compiled model's arrays through the po_model API (+ the
# hand-over to GLPK inside po_solve) to loading them straight into GLPK.
#
# Copyright (C) 2026 the procopt developers.  GPL-3.0-or-later.

# shellcheck disable=SC2317  # solver functions are called indirectly

set -u
LC_ALL=C
export LC_ALL

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${PROCOPT_BUILD:-$root/build}
procopt=${PROCOPT_BIN:-$build/procopt}
solve_one=$build/bench/solve_one
bvg=$build/bench/build_vs_glpk
timed_run=$build/bench/timed_run
gen=$root/examples/gen_supply_chain.py

mode=both
sizes=1e3,1e4,1e5,5e5,1e6
mip_sizes=1e3,1e4,1e5
limit=120
mip_limit=120
gap=0.001
solvers="procopt-json,procopt-mps,glpsol,clp,cbc,lp_solve"
seed=1
build_reps=3
do_build=1
tol=1e-6
out=
keep=0
report_dir=

note() { echo "process_sweep: $*" >&2; }
die() { note "$*"; exit 2; }

# Generator arguments per size, and the nonzeros they give (LP version,
# seed 1; the MIP version has about 15 % more: on/off binaries and their
# rows).
gen_args() {
    case $1 in
    1e3) echo "--plants 2 --products 3 --dcs 2 --customers 12 --periods 4" ;;
    1e4) echo "--plants 2 --products 5 --dcs 3 --customers 45 --periods 8" ;;
    1e5) echo "--plants 4 --products 10 --dcs 6 --customers 180 --periods 12" ;;
    5e5) echo "--plants 6 --products 20 --dcs 10 --customers 300 --periods 18" ;;
    1e6) echo "--plants 8 --products 20 --dcs 12 --customers 430 --periods 26" ;;
    *) return 1 ;;
    esac
}

# ---- the report (from the files of an --out directory) -------------------

report() {
    d=$1
    [ -f "$d/info.txt" ] && cat "$d/info.txt"
    awk -F '\t' -v tol="$tol" '
    FNR == 1 { next }
    FILENAME ~ /sweep.tsv$/ {
        k = $1 SUBSEP $2
        if (!(k in seen)) { seen[k] = 1; order[++nk] = k; kind[k] = $1; size[k] = $2
                            nnz[k] = $3; rows[k] = $4; cols[k] = $5; ints[k] = $6 }
        s = $7
        if (!(s in sseen)) { sseen[s] = 1; sv[++ns] = s }
        st[k, s] = $8; wall[k, s] = $9; cpu[k, s] = $12; rss[k, s] = $13
        obj[k, s] = $14; err[k, s] = $15; ver[k, s] = $16; lim[k] = $17
        next
    }
    FILENAME ~ /build.tsv$/ {
        bk = $1 SUBSEP $2; bj[bk] = $7; bc[bk] = $8; bb[bk] = $9; bl[bk] = $10
        bg[bk] = $11; bbr[bk] = $12; btr[bk] = $13; hasb = 1
        next
    }
    function fmt(x) { return x == "" || x == "-" ? "-" : sprintf(x + 0 < 10 ? "%.3f" : "%.1f", x) }
    function mb(x) { return x == "" || x == "-" ? "-" : sprintf("%.0f", x / 1024) }
    END {
        for (pass = 1; pass <= 2; pass++) {
            K = pass == 1 ? "lp" : "mip"
            any = 0
            for (n = 1; n <= nk; n++) if (kind[order[n]] == K) any = 1
            if (!any) continue
            print ""
            if (K == "lp")
                print "== Process LPs (no setups): whole process, wall and CPU (user+sys) seconds =="
            else
                print "== Process MIPs (setups): time to a proven relative gap, wall and CPU seconds =="
            printf "%-5s %8s %-13s %-8s %9s %9s %7s %10s %18s %9s\n", "size", "nonzeros", "solver",
                   "result", "wall s", "cpu s", "MB", "cpu/glpsol", "objective", (K == "lp" ? "rel.err" : "dev")
            for (n = 1; n <= nk; n++) {
                k = order[n]
                if (kind[k] != K) continue
                for (q = 1; q <= ns; q++) {
                    s = sv[q]
                    if (!((k, s) in st)) continue
                    r = "-"
                    if (ver[k, s] != "n/a" && ((k, "glpsol") in ver)) {
                        g = ver[k, "glpsol"]
                        if (g == "ok" || g == "gap")
                            r = sprintf("%.3f", cpu[k, s] / cpu[k, "glpsol"])
                        else if (g == "time" && (ver[k, s] == "ok" || ver[k, s] == "gap"))
                            r = sprintf("<%.3f", cpu[k, s] / cpu[k, "glpsol"])
                    }
                    if (s == "glpsol") r = "1"
                    printf "%-5s %8s %-13s %-8s %9s %9s %7s %10s %18s %9s\n", size[k], nnz[k], s,
                           ver[k, s], fmt(wall[k, s]), fmt(cpu[k, s]), mb(rss[k, s]), r,
                           obj[k, s], err[k, s]
                }
            }
        }
        # The targets of issue 5.
        print ""
        print "== Targets =="
        for (n = 1; n <= nk; n++) {
            k = order[n]
            if (kind[k] == "lp" && nnz[k] >= 1e5) {
                for (q = 1; q <= 2; q++) {
                    s = q == 1 ? "procopt-json" : "procopt-mps"
                    if (!((k, s) in ver) || !((k, "glpsol") in ver)) continue
                    g = ver[k, "glpsol"]; v = ver[k, s]
                    if (v != "ok") { printf "LP %s (%d nz): %s %s: target (<= 0.1x glpsol) NOT MET\n", size[k], nnz[k], s, v; continue }
                    ratio = cpu[k, s] / cpu[k, "glpsol"]
                    bound = g == "time" ? "<" : ""
                    met = ratio <= 0.1 ? "met" : (g == "time" ? "open (glpsol hit the limit)" : "NOT MET")
                    printf "LP %s (%d nz): %s %.2f s CPU, glpsol %s%.2f s (%s): ratio %s%.3f: target <= 0.1x %s\n",
                           size[k], nnz[k], s, cpu[k, s], g == "time" ? ">" : "", cpu[k, "glpsol"], g,
                           bound, ratio, met
                }
            }
            if (kind[k] == "mip" && ((k, "cbc") in ver)) {
                for (q = 1; q <= 2; q++) {
                    s = q == 1 ? "procopt-json" : "procopt-mps"
                    if (!((k, s) in ver)) continue
                    v = ver[k, s]; c = ver[k, "cbc"]
                    if (v != "gap") met = "NOT MET (no proven gap within " lim[k] " s)"
                    else if (c != "gap") met = "met (cbc did not reach the gap)"
                    else met = cpu[k, s] < cpu[k, "cbc"] ? "met" : "NOT MET"
                    printf "MIP %s (%d nz): %s %s %.2f s CPU, cbc %s %.2f s: target (gap in less time than cbc) %s\n",
                           size[k], nnz[k], s, v, cpu[k, s], c, cpu[k, "cbc"], met
                }
            }
        }
        if (hasb) {
            print ""
            print "== Model building against size (CPU seconds, medians; build_vs_glpk) =="
            print "(json: po_process_load_file; compile: po_process_compile; build = json + compile, in ms;"
            print " slope: d log(build) / d log(nonzeros) from the size before; solve: whole process, CPU s;"
            print " po_build, po_load, glpk: the compiled arrays through the po_model API, handed to GLPK by"
            print " po_solve, and loaded straight into GLPK, in ms; ratios to glpk)"
            printf "%-4s %-4s %9s %9s %9s %9s %6s %9s %9s %9s %9s %9s %7s %7s\n", "set", "size", "nonzeros",
                   "json ms", "compile", "build ms", "slope", "json s", "mps s", "po_build", "po_load", "glpk", "build/", "total/"
            for (n = 1; n <= nk; n++) {
                k = order[n]
                if (!(k in bj)) continue
                t = bj[k] + bc[k]
                slope = "-"
                if (prevk != "" && kind[prevk] == kind[k] && nnz[k] > nnz[prevk] && t > 0 && prevt > 0)
                    slope = sprintf("%.2f", log(t / prevt) / log(nnz[k] / nnz[prevk]))
                printf "%-4s %-4s %9d %9.3g %9.3g %9.3g %6s %9s %9s %9.3g %9.3g %9.3g %7.2f %7.2f\n", kind[k], size[k],
                       nnz[k], 1e3 * bj[k], 1e3 * bc[k], 1e3 * t, slope, fmt(cpu[k, "procopt-json"]),
                       fmt(cpu[k, "procopt-mps"]), 1e3 * bb[k], 1e3 * bl[k], 1e3 * bg[k], bbr[k], btr[k]
                prevk = k; prevt = t
            }
            # The curve, log-log: 8 characters per decade from 0.1 ms.
            print ""
            print "time against size (log scale, 8 characters per decade from 0.1 ms):"
            print "  B = JSON read + compile (model building), M = procopt-mps, J = procopt-json (CPU)"
            printf "%-14s %s\n", "", "|0.1ms   |1ms     |10ms    |0.1s    |1s      |10s     |100s"
            for (n = 1; n <= nk; n++) {
                k = order[n]
                if (!(k in bj)) continue
                for (q = 1; q <= 3; q++) {
                    v = q == 1 ? bj[k] + bc[k] : q == 2 ? cpu[k, "procopt-mps"] : cpu[k, "procopt-json"]
                    c = q == 1 ? "B" : q == 2 ? "M" : "J"
                    if (q > 1 && (v == "" || v == "nan")) continue
                    if (q == 2 && ver[k, "procopt-mps"] != "ok" && ver[k, "procopt-mps"] != "gap") c = "m"
                    if (q == 3 && ver[k, "procopt-json"] != "ok" && ver[k, "procopt-json"] != "gap") c = "j"
                    len = v > 0 ? int(8 * (log(v / 1e-4) / log(10)) + 0.5) : 0
                    if (len < 1) len = 1
                    bar = ""
                    for (i = 0; i < len; i++) bar = bar c
                    printf "%-3s %10s %s\n", (q == 1 ? kind[k] : ""), (q == 1 ? nnz[k] : ""), "|" bar
                }
            }
            print "  (lower case: stopped at the limit, so at least that long)"
        }
    }' "$d/sweep.tsv" "$d/build.tsv"
}

# ---- options -------------------------------------------------------------

while [ $# -gt 0 ]; do
    case $1 in
    --lp) mode="lp" ;;
    --mip) mode=mip ;;
    --both) mode=both ;;
    --sizes) [ $# -ge 2 ] || die "$1 needs a value"; sizes=$2; shift ;;
    --mip-sizes) [ $# -ge 2 ] || die "$1 needs a value"; mip_sizes=$2; shift ;;
    --time-limit) [ $# -ge 2 ] || die "$1 needs a value"; limit=$2; shift ;;
    --mip-time-limit) [ $# -ge 2 ] || die "$1 needs a value"; mip_limit=$2; shift ;;
    --gap) [ $# -ge 2 ] || die "$1 needs a value"; gap=$2; shift ;;
    --solvers) [ $# -ge 2 ] || die "$1 needs a value"; solvers=$2; shift ;;
    --seed) [ $# -ge 2 ] || die "$1 needs a value"; seed=$2; shift ;;
    --build-reps) [ $# -ge 2 ] || die "$1 needs a value"; build_reps=$2; shift ;;
    --no-build) do_build=0 ;;
    --tolerance) [ $# -ge 2 ] || die "$1 needs a value"; tol=$2; shift ;;
    --out) [ $# -ge 2 ] || die "$1 needs a value"; out=$2; shift ;;
    --keep) keep=1 ;;
    --report) [ $# -ge 2 ] || die "$1 needs a value"; report_dir=$2; shift ;;
    -h|--help) sed -n '2,/^# Copyright/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
    esac
    shift
done

if [ -n "$report_dir" ]; then
    [ -f "$report_dir/sweep.tsv" ] || die "$report_dir/sweep.tsv: no such file"
    [ -f "$report_dir/build.tsv" ] || printf 'header\n' >"$report_dir/build.tsv"
    report "$report_dir"
    exit 0
fi

for v in "$limit" "$mip_limit"; do
    case $v in ''|*[!0-9]*|0) die "time limits are whole seconds > 0, not '$v'" ;; esac
done
case $seed in ''|*[!0-9]*) die "--seed: not a number: $seed" ;; esac
case $build_reps in ''|*[!0-9]*|0) die "--build-reps: not a positive integer" ;; esac
case $gap in ''|*[!0-9.e-]*) die "--gap: not a number: $gap" ;; esac
for s in $(echo "$sizes $mip_sizes" | tr ',' ' '); do
    gen_args "$s" >/dev/null || die "unknown size $s (1e3, 1e4, 1e5, 5e5, 1e6)"
done
command -v python3 >/dev/null 2>&1 || die "python3 is needed (the generator)"
[ -x "$procopt" ] || die "$procopt not built (make BUILD=... all, or PROCOPT_BUILD)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/procopt-sweep.XXXXXX") || die "mktemp failed"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
if [ -z "$out" ]; then
    out=$tmp/out
fi
mkdir -p "$out" || die "cannot create $out"
if [ $keep = 1 ]; then models=$out/models; else models=$tmp/models; fi
mkdir -p "$models" || die "cannot create $models"

use_timed_run=0
if [ -x "$timed_run" ]; then
    use_timed_run=1
elif ! { [ -x /usr/bin/time ] && command -v timeout >/dev/null 2>&1; }; then
    die "neither $timed_run nor GNU time + timeout"
fi

# timed LIMIT OUT CMD...: run CMD (stdout and stderr to OUT) with LIMIT CPU
# seconds (+ 30 for MIPs, which stop themselves at LIMIT); bench/timed_run
# adds a wall-clock guard of 30x + 60 s, the fallback (GNU time, timeout,
# ulimit -t) one of 4x + 10 s.  Sets rc (124: a limit; 152: SIGXCPU; 137:
# killed), wall, user, sys, rss.
timed() {
    _cpu=$1
    [ "$kind" = mip ] && _cpu=$((_cpu + 30))
    _out=$2
    shift 2
    rm -f "$tmp/time"
    if [ "$use_timed_run" = 1 ]; then
        "$timed_run" -t "$_cpu" -o "$tmp/time" -- "$@" >"$_out" 2>&1
        rc=$?
    else
        # shellcheck disable=SC2016  # expanded by the inner shell
        /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" timeout -k 5 $((4 * _cpu + 10)) \
            sh -c 'ulimit -t "$0" && exec "$@"' "$_cpu" "$@" >"$_out" 2>&1
        rc=$?
    fi
    # shellcheck disable=SC2046  # four fields
    set -- $(tail -n 1 "$tmp/time" 2>/dev/null) - - - -
    wall=$1 user=$2 sys=$3 rss=$4
    case $wall in ''|*[!0-9.]*) wall=nan user=nan sys=nan rss=- ;; esac
}

# ---- solvers: run_X FILE LIMIT OUT (kind in $kind), parse_X OUT -> "STATUS OBJ"
# STATUS: optimal (LP optimum, or MIP gap proven), feasible (a plan, limit
# reached), time (no plan at the limit), infeasible, unbounded, error.

killed() { [ "$rc" = 124 ] || [ "$rc" = 137 ] || [ "$rc" = 152 ]; }

avail_procopt_json() { [ -x "$procopt" ]; }
run_procopt_json() {
    rm -f "$3.json"
    if [ "$kind" = mip ]; then
        timed "$2" "$3" "$procopt" solve --json -o "$3.json" --time-limit $((10 * $2)) --gap "$gap" "$json"
    else
        timed "$2" "$3" "$procopt" solve --json -o "$3.json" "$json"
    fi
}
parse_procopt_json() {
    python3 - "$1.json" "$rc" <<'EOF'
import json, sys
try:
    r = json.load(open(sys.argv[1]))
except Exception:
    rc = int(sys.argv[2])
    print("time" if rc in (124, 137, 152) else "crash" if rc > 128 else "error", "nan")
    sys.exit()
st, obj = r.get("status"), r.get("total_cost")
obj = "nan" if obj is None else repr(float(obj))
st = {"optimal": "optimal", "feasible": "feasible", "time_limit": "feasible" if obj != "nan" else "time",
      "infeasible": "infeasible", "unbounded": "unbounded"}.get(st, "error")
print(st, obj)
EOF
}

avail_procopt_mps() { [ -x "$solve_one" ]; }
run_procopt_mps() {
    if [ "$kind" = mip ]; then
        timed "$2" "$3" "$solve_one" --format freemps --time-limit $((10 * $2)) --gap "$gap" "$1"
    else
        timed "$2" "$3" "$solve_one" --format freemps "$1"
    fi
}
parse_procopt_mps() {
    awk -v rc="$rc" '
        /^name=/ { for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } seen = 1 }
        END {
            if (!seen) { print (rc == 124 || rc == 137 || rc == 152 ? "time" : rc > 128 ? "crash" : "error"), "nan"; exit }
            o = v["objective"] == "" ? "nan" : v["objective"]
            s = v["status"]
            if (s == "time_limit" || s == "iteration_limit") s = o == "nan" || o == "-nan" ? "time" : "feasible"
            else if (s != "optimal" && s != "feasible" && s != "infeasible" && s != "unbounded") s = "error"
            print s, o
        }' "$1"
}

avail_glpsol() { command -v glpsol >/dev/null 2>&1; }
run_glpsol() {
    rm -f "$3.sol"
    if [ "$kind" = mip ]; then
        timed "$2" "$3" glpsol --freemps "$1" --tmlim $((10 * $2)) --mipgap "$gap" -w "$3.sol"
    else
        timed "$2" "$3" glpsol --freemps "$1" -w "$3.sol"
    fi
}
parse_glpsol() {
    if [ ! -s "$1.sol" ]; then
        if grep -q "TIME LIMIT EXCEEDED" "$1" 2>/dev/null || killed; then
            echo "time nan"
        else
            echo "error nan"
        fi
        return
    fi
    # "s bas ROWS COLS PRIM DUAL OBJ" or "s mip ROWS COLS STAT OBJ"; a
    # search stopped at --mipgap writes "f" (feasible), and says so on stdout
    awk -v tl="$(grep -c 'TIME LIMIT EXCEEDED' "$1")" \
        -v gp="$(grep -c 'RELATIVE MIP GAP TOLERANCE REACHED' "$1")" '$1 == "s" {
            if ($2 == "mip") {
                st = $5 == "o" ? "optimal" : $5 == "f" ? "feasible" : $5 == "n" ? "infeasible" : "time"
                if (st == "feasible" && gp > 0) st = "optimal"
                if (st == "optimal" && tl > 0) st = "feasible"
                print st, (st == "time" ? "nan" : $6)
            } else {
                st = ($5 == "f" && $6 == "f") ? "optimal" : $5 == "n" ? "infeasible" \
                   : $6 == "n" ? "unbounded" : "time"
                print st, (st == "optimal" ? $7 : "nan")
            }
            found = 1; exit
        }
        END { if (!found) print "error nan" }' "$1.sol"
}

avail_clp() { command -v clp >/dev/null 2>&1; }
run_clp() { timed "$2" "$3" clp "$1" -solve; }
parse_clp() {
    awk -v rc="$rc" '
        /^Optimal objective/ { print "optimal", $3; found = 1; exit }
        /^Primal infeasible/ || /^Problem is infeasible/ { print "infeasible nan"; found = 1; exit }
        /^Dual infeasible/ || /^Problem is unbounded/ { print "unbounded nan"; found = 1; exit }
        /^Stopped on time/ || /tme limit|time limit/ { print "time nan"; found = 1; exit }
        END { if (!found) print (rc == 124 || rc == 137 || rc == 152 ? "time" : rc > 128 ? "crash" : "error"), "nan" }' "$1"
}

avail_cbc() { command -v cbc >/dev/null 2>&1; }
run_cbc() {
    if [ "$kind" = mip ]; then
        timed "$2" "$3" cbc "$1" -threads 0 -sec "$2" -ratioGap "$gap" -solve -quit
    else
        timed "$2" "$3" cbc "$1" -threads 0 -solve -quit
    fi
}
parse_cbc() {
    awk -v rc="$rc" '
        /^Result - Optimal solution found/ { st = "optimal" }
        /^Result - Linear relaxation infeasible/ || /^Result - Problem proven infeasible/ { st = "infeasible" }
        /^Result - Linear relaxation unbounded/ { st = "unbounded" }
        /^Result - Stopped on time/ || /^Result - Stopped/ { st = "stopped" }
        /^Objective value:/ { obj = $3 }
        /^Optimal objective/ && st == "" { st = "optimal"; obj = $3 }
        END {
            if (st == "stopped") st = obj == "" ? "time" : "feasible"
            if (st == "") st = (rc == 124 || rc == 137 || rc == 152) ? "time" : rc > 128 ? "crash" : "error"
            print st, (obj == "" || st == "time" ? "nan" : obj)
        }' "$1"
}

avail_lp_solve() { command -v lp_solve >/dev/null 2>&1; }
run_lp_solve() {
    # -S1: the objective only (-S4 would add a sensitivity analysis)
    if [ "$kind" = mip ]; then
        timed "$2" "$3" lp_solve -fmps "$1" -S1 -timeout $((10 * $2)) -gr "$gap"
    else
        timed "$2" "$3" lp_solve -fmps "$1" -S1
    fi
}
parse_lp_solve() {
    # exit status 0 optimal, 1 suboptimal, 2 infeasible, 3 unbounded, 7 timeout
    awk -v rc="$rc" -v kind="$kind" '
        /^Value of objective function:/ { obj = $5 }
        /This problem is infeasible/ { st = "infeasible" }
        /This problem is unbounded/ { st = "unbounded" }
        /[Ss]uboptimal/ { sub_ = 1 }
        END {
            if (st == "") {
                if (obj != "") st = (sub_ || rc == 1 || rc == 7) ? "feasible" : rc == 0 ? "optimal" : "error"
                else st = (rc == 7 || rc == 124 || rc == 137 || rc == 152) ? "time" : rc > 128 ? "crash" : "error"
            }
            if (kind == "lp" && st == "feasible") st = "time"
            print st, (obj == "" || st == "time" ? "nan" : obj)
        }' "$1"
}

# ---- the run ---------------------------------------------------------------

sweep=$out/sweep.tsv
buildf=$out/build.tsv
printf 'kind\tsize\tnonzeros\trows\tcols\tints\tsolver\tstatus\twall_s\tuser_s\tsys_s\tcpu_s\tmaxrss_kb\tobjective\tcheck\tverdict\tlimit_s\n' >"$sweep"
printf 'kind\tsize\tnonzeros\trows\tcols\tfile\tjson_s\tcompile_s\tpo_build_s\tpo_load_s\tglpk_s\tbuild_ratio\ttotal_ratio\n' >"$buildf"
printf 'kind\tsize\tnonzeros\trows\tcols\tints\tgenerator_args\n' >"$out/models.tsv"

rev=$(git -C "$root" describe --always --dirty 2>/dev/null || echo unknown)
{
    echo "process_sweep: $(date -u '+%Y-%m-%d %H:%M UTC'), procopt git $rev, $(nproc 2>/dev/null || echo '?') CPUs"
    echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
    echo "limits: LP $limit s, MIP $mip_limit s (CPU), MIP gap $gap, seed $seed"
} >"$out/info.txt"
cat "$out/info.txt" >&2

active=
for s in $(echo "$solvers" | tr ',' ' '); do
    f=$(echo "$s" | tr '-' '_')
    command -v "avail_$f" >/dev/null 2>&1 || die "unknown solver $s"
    if "avail_$f"; then active="$active $s"; else note "$s not installed: skipped"; fi
done
[ -x "$bvg" ] || { [ $do_build = 0 ] || note "$bvg not built: no model-building figures"; do_build=0; }

bad=0
run_set() {
    kind=$1
    lim=$2
    for size in $(echo "$3" | tr ',' ' '); do
        args=$(gen_args "$size")
        base=$models/$kind-$size
        json=$base.json
        mps=$base.mps
        lpflag=
        [ "$kind" = lp ] && lpflag=--lp
        # shellcheck disable=SC2086  # args is a list of words
        if ! python3 "$gen" $lpflag $args --seed "$seed" -o "$json" 2>"$tmp/gen.err"; then
            note "$kind $size: generator failed: $(cat "$tmp/gen.err")"; bad=1; continue
        fi
        if ! "$procopt" export "$json" -o "$mps" 2>"$tmp/exp.err"; then
            note "$kind $size: procopt export failed: $(cat "$tmp/exp.err")"; bad=1; continue
        fi
        # shellcheck disable=SC2046  # four fields
        set -- $(awk '/^\* Rows:/ { r = $3 } /^\* Columns:/ { c = $3; i = ($4 ~ /^\(/) ? substr($4, 2) : 0 }
                      /^\* Non-zeros:/ { z = $3 } /^ROWS/ { exit } END { print r, c, z, i + 0 }' "$mps")
        rows=$1 cols=$2 nnz=$3 ints=$4
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "$size" "$nnz" "$rows" "$cols" "$ints" "$args" >>"$out/models.tsv"
        note "$kind $size: $rows rows, $cols columns ($ints integer), $nnz nonzeros"
        ref=
        : >"$tmp/res"
        for s in $active; do
            f=$(echo "$s" | tr '-' '_')
            if [ "$kind" = mip ] && [ "$s" = clp ]; then continue; fi
            "run_$f" "$mps" "$lim" "$tmp/$s.out"
            # shellcheck disable=SC2046  # status and objective
            set -- $("parse_$f" "$tmp/$s.out")
            st=$1 obj=$2
            case $obj in -nan|nan|NaN|'') obj=nan ;; esac
            cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { if (u == "nan") print "nan"; else printf "%.3f", u + s }')
            note "  $s: $st $obj, wall $wall s, cpu $cpu s"
            printf '%s\t%s\t%s\t%s\t%s\n' "$s" "$st" "$obj" "$wall $user $sys $cpu" "$rss" >>"$tmp/res"
            if [ "$s" = procopt-json ] && [ "$st" = optimal ]; then ref=$obj; fi
            if [ -z "$ref" ] && [ "$st" = optimal ] && [ "$kind" = lp ]; then ref=$obj; fi
        done
        # Checks, then the raw lines.
        awk -F '\t' -v kind="$kind" -v size="$size" -v nnz="$nnz" -v rows="$rows" -v cols="$cols" \
            -v ints="$ints" -v ref="$ref" -v tol="$tol" -v lim="$lim" '
            { s[NR] = $1; st[NR] = $2; ob[NR] = $3; split($4, t, " "); w[NR] = t[1]; u[NR] = t[2]
              y[NR] = t[3]; c[NR] = t[4]; m[NR] = $5
              if (kind == "mip" && (st[NR] == "optimal" || st[NR] == "feasible") && ob[NR] != "nan")
                  if (best == "" || ob[NR] + 0 < best + 0) best = ob[NR] }
            END {
                for (i = 1; i <= NR; i++) {
                    chk = "-"
                    if (kind == "lp") {
                        if (st[i] == "optimal") {
                            if (ref == "") v = "unchecked"
                            else {
                                e = ob[i] - ref; if (e < 0) e = -e
                                d = ref < 0 ? -ref : ref; if (d < 1) d = 1
                                chk = sprintf("%.1e", e / d); v = e / d <= tol ? "ok" : "WRONG"
                            }
                        } else if (st[i] == "time" || st[i] == "feasible") v = "time"
                        else v = st[i] == "infeasible" || st[i] == "unbounded" ? "WRONG" : "fail"
                    } else {
                        if (st[i] == "optimal") v = "gap"
                        else if (st[i] == "feasible" || st[i] == "time") v = "time"
                        else v = st[i] == "infeasible" || st[i] == "unbounded" ? "WRONG" : "fail"
                        if (ob[i] != "nan" && best != "") {
                            d = best < 0 ? -best : best; if (d < 1) d = 1
                            chk = sprintf("%.1e", (ob[i] - best) / d)
                        }
                    }
                    printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", kind, size,
                           nnz, rows, cols, ints, s[i], st[i], w[i], u[i], y[i], c[i], m[i], ob[i], chk, v, lim
                }
            }' "$tmp/res" >>"$sweep"
        if awk -F '\t' -v k="$kind" -v z="$size" '$1 == k && $2 == z && $7 ~ /^procopt/ &&
               ($16 == "WRONG" || $16 == "fail") { f = 1 } END { exit !f }' "$sweep"; then
            bad=1
        fi
        if [ $do_build = 1 ]; then
            if "$bvg" --no-random --reps "$build_reps" --process "$json" >"$tmp/bvg" 2>"$tmp/bvg.err"; then
                awk -F '\t' -v k="$kind" -v z="$size" 'NF >= 11 { printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
                    k, z, $4, $2, $3, $1, $5, $6, $7, $8, $9, $10, $11 }' "$tmp/bvg" >>"$buildf"
            else
                note "$kind $size: build_vs_glpk failed: $(tail -n 1 "$tmp/bvg.err")"
            fi
        fi
        [ $keep = 1 ] || rm -f "$json" "$mps"
    done
}

[ "$mode" = mip ] || run_set lp "$limit" "$sizes"
[ "$mode" = lp ] || run_set mip "$mip_limit" "$mip_sizes"

echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)" >>"$out/info.txt"
report "$out" | tee "$out/report.txt"
exit $bad
