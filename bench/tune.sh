#!/bin/sh
# bench/tune.sh -- measure GLPK's knobs through procopt's options, to pick
# procopt's defaults by measurement (issue 5, "Defaults that win").  Not a
# test: it never fails on a time; the exit status is 2 on a usage error and
# 1 when a configuration gives a wrong answer.
#
#   sh bench/tune.sh [options] lp|mip|peers|report [CONFIG ...]
#
#   lp       every netlib instance (fixed MPS) under each LP configuration
#   mip      MIPLIB 3 instances (free MPS) under each MIP configuration
#   peers    procopt (defaults), glpsol (defaults) and cbc -threads 1 on
#            the same MIPLIB 3 instances and time limit
#   report   print the summary tables of the raw results kept in --out
#
# CONFIG names a configuration of the lists below (default: all of the
# mode's list); "name=key=value,key=value" defines one on the command line
# (keys: those of tune_one, below).
#
# Options:
#   --data DIR       the instance set (default ../shared/data/netlib for lp,
#                    ../shared/data/miplib3 for mip and peers)
#   --only LIST      comma-separated instance names (default: all of
#                    DIR/OPTIMA.tsv)
#   --limit S        time limit per instance (default 60 for lp, 20 for mip)
#   --cpu-limit S    lp/mip modes: also stop each run after S CPU seconds
#                    (ulimit -t; counted as a time limit), which a loaded
#                    machine does not shorten as it does --limit's wall
#                    clock; give --limit well above it
#   --file F         also (with --only none: only) this model file, e.g. a
#                    generated process model (.json; with --relax as an LP)
#   --out DIR        where raw results go (default build/tune-results), one
#                    tab-separated file per mode: config, instance, status,
#                    objective, wall s, iterations, nodes, verdict, CPU s
#   --relax          make every variable continuous (a MIP's relaxation:
#                    for process models as LPs); objectives are then not
#                    checked (verdict "unchecked")
#   --repeat N       run each (config, instance) N times, keep the median
#                    solve time (default 1)
#   --markdown       report as Markdown tables
#   --wall           report wall seconds (default: CPU seconds)
#   --ir             lp, mip: count the instructions of the po_solve call
#                    under valgrind's callgrind instead of timing it (in
#                    10^9 instructions, in the CPU column; the shift of the
#                    geometric mean becomes 0.07, about 10 ms here):
#                    repeatable on a loaded machine, about 50x slower, so
#                    for the small and medium instances (--only).  Give it
#                    to report too.
#   --procopt-args L peers: procopt's options as key=value,... (default:
#                    po_options_init's)
#
# Times: CPU seconds (user + system) by default, because the machine these
# defaults were chosen on was shared (load 4-9 on 2 cores) and GLPK runs in
# one thread, so CPU time is its work whatever else runs; --wall for wall
# seconds.  For procopt configurations the time of the po_solve call only
# (reading is the same for all); for the peers the whole process (GNU
# time).  Time limits are wall-clock (GLPK's and the peers' own), so under
# load an instance near the limit may be lost to the load.  One solve at a
# time.  Verdicts: ok (optimal and the objective within 1e-6
# relative, |x - opt| / max(1, |opt|), of OPTIMA.tsv; 1e-5 for MIPs, whose
# gap tolerance is 1e-6), WRONG (claimed optimal with another value, or
# infeasible/unbounded where an optimum is published), time (limit reached
# or no optimum proven), fail (error, numerical failure).  Summaries: solved
# counts; the shifted geometric mean of the time (shift 10 ms for LPs, 1 s
# for MIPs: instances not solved count at the limit), and the geometric
# mean of the time ratio to the first configuration listed over the
# instances both solved.
#
# Copyright (C) 2026 the procopt developers.  GPL-3.0-or-later.

set -u
LC_ALL=C
export LC_ALL

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${PROCOPT_BUILD:-$root/build}
cc=${CC:-cc}

die() { echo "tune: $*" >&2; exit 2; }
note() { echo "tune: $*" >&2; }

# ---- configurations ------------------------------------------------------
# name<space>key=value,... (no blanks inside the list); the first line is the
# reference of the ratio column.  "default" (no list) is po_options_init's.
# LP: "cur" is the simplex path of PO_METHOD_AUTO (procopt's presolve, then
# GLPK's presolver, primal simplex, steepest edge, Harris); the others
# change one or two knobs from it (docs/benchmarks.md, "LP defaults");
# "auto-interior" is PO_METHOD_AUTO with the interior point threshold at 1
# nonzero, so the short-column test alone decides.

lp_configs='
cur method=primal,pricing=steepest,ratio=harris,presolve=1,reductions=1023,scaling=own,interior=-1
glpk-pre method=primal,pricing=steepest,ratio=harris,presolve=1,reductions=0,scaling=own,interior=-1
own-pre method=primal,pricing=steepest,ratio=harris,presolve=0,reductions=1023,scaling=own,interior=-1
no-pre method=primal,pricing=steepest,ratio=harris,presolve=0,reductions=0,scaling=own,interior=-1
glpsol method=primal,pricing=steepest,ratio=harris,presolve=0,reductions=0,scaling=glpk,interior=-1
own-glpkscale method=primal,pricing=steepest,ratio=harris,presolve=0,reductions=1023,scaling=glpk,interior=-1
own-noscale method=primal,pricing=steepest,ratio=harris,presolve=0,reductions=1023,scaling=none,interior=-1
primal-flip-own method=primal,pricing=steepest,ratio=flip,presolve=0,reductions=1023,scaling=own,interior=-1
primal-dantzig-own method=primal,pricing=dantzig,ratio=harris,presolve=0,reductions=1023,scaling=own,interior=-1
dual-flip-own method=dual,pricing=steepest,ratio=flip,presolve=0,reductions=1023,scaling=own,interior=-1
dual-harris-own method=dual,pricing=steepest,ratio=harris,presolve=0,reductions=1023,scaling=own,interior=-1
dual-flip-both method=dual,pricing=steepest,ratio=flip,presolve=1,reductions=1023,scaling=own,interior=-1
dual-dantzig-own method=dual,pricing=dantzig,ratio=flip,presolve=0,reductions=1023,scaling=own,interior=-1
interior method=interior,pricing=steepest,ratio=harris,presolve=1,reductions=1023,scaling=own
auto-interior interior=1
default
cur-again method=primal,pricing=steepest,ratio=harris,presolve=1,reductions=1023,scaling=own,interior=-1
'

# Branch-and-cut: one knob at a time from GLPK's own defaults with the MIP
# presolver ("glpk": no cuts, Driebeck-Tomlin, best local bound, simple
# rounding; what glpsol does), then the combinations the single knobs point
# to.  "default" is procopt's po_options_init; "*-again" repeats the first
# line to show the noise.  Every other line spells out every knob, so that
# it keeps its meaning when the defaults change.
mip_configs='
glpk cuts=0,heur=1,branch=dth,backtrack=blb,presolve=1,binarize=0,ratio=harris,proxtime=60
cuts-all cuts=1,cutkinds=15,heur=1,branch=dth,backtrack=blb,presolve=1,binarize=0,ratio=harris,proxtime=60
gomory cuts=1,cutkinds=1,heur=1,branch=dth,backtrack=blb,presolve=1,binarize=0,ratio=harris,proxtime=60
mir cuts=1,cutkinds=2,heur=1,branch=dth,backtrack=blb,presolve=1,binarize=0,ratio=harris,proxtime=60
cover cuts=1,cutkinds=4,heur=1,branch=dth,backtrack=blb,presolve=1,binarize=0,ratio=harris,proxtime=60
clique cuts=1,cutkinds=8,heur=1,branch=dth,backtrack=blb,presolve=1,binarize=0,ratio=harris,proxtime=60
fpump cuts=0,heur=3,branch=dth,backtrack=blb,presolve=1,binarize=0,ratio=harris,proxtime=60
proximity cuts=0,heur=5,branch=dth,backtrack=blb,presolve=1,binarize=0,ratio=harris,proxtime=60
pseudocost cuts=0,heur=1,branch=pch,backtrack=blb,presolve=1,binarize=0,ratio=harris,proxtime=60
mostfrac cuts=0,heur=1,branch=mfv,backtrack=blb,presolve=1,binarize=0,ratio=harris,proxtime=60
bestproj cuts=0,heur=1,branch=dth,backtrack=bph,presolve=1,binarize=0,ratio=harris,proxtime=60
dfs cuts=0,heur=1,branch=dth,backtrack=dfs,presolve=1,binarize=0,ratio=harris,proxtime=60
binarize cuts=0,heur=1,branch=dth,backtrack=blb,presolve=1,binarize=1,ratio=harris,proxtime=60
flip cuts=0,heur=1,branch=dth,backtrack=blb,presolve=1,binarize=0,ratio=flip,proxtime=60
nopresolve cuts=0,heur=1,branch=dth,backtrack=blb,presolve=0,binarize=0,ratio=harris,proxtime=60
default
glpk-again cuts=0,heur=1,branch=dth,backtrack=blb,presolve=1,binarize=0,ratio=harris,proxtime=60
'

# ---- arguments -----------------------------------------------------------

data='' only='' limit='' cpulim='' file='' out="$build/tune-results" repeat=1
markdown=0 mode='' relax='' cpu=1 procopt_args='' ir=0
while [ $# -gt 0 ]; do
    case $1 in
    --data) data=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --limit) limit=$2; shift 2 ;;
    --cpu-limit) cpulim=$2; shift 2 ;;
    --file) file=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --markdown) markdown=1; shift ;;
    --relax) relax=relax=1; shift ;;
    --wall) cpu=0; shift ;;
    --ir) ir=1; shift ;;
    --procopt-args) procopt_args=$(echo "$2" | tr ',' ' '); shift 2 ;;
    -h | --help) sed -n '2,59p' "$0"; exit 0 ;;
    -*) die "unknown option $1" ;;
    *) mode=$1; shift; break ;;
    esac
done
case $mode in
lp | mip | peers | report) ;;
*) die "usage: sh bench/tune.sh [options] lp|mip|peers|report [CONFIG ...]" ;;
esac
mkdir -p "$out" || die "cannot create $out"

if [ -z "$data" ]; then
    case $mode in
    lp) data=$root/../shared/data/netlib ;;
    *) data=$root/../shared/data/miplib3 ;;
    esac
fi
if [ -z "$limit" ]; then
    case $mode in lp) limit=60 ;; *) limit=20 ;; esac
fi
case $mode in lp) format=mps tol=1e-6 shift_s=0.01 ;; *) format=freemps tol=1e-5 shift_s=1 ;; esac
[ $ir = 1 ] && shift_s=0.07
# MIPLIB 3 is free MPS whatever the mode (see ../shared/data/README.md)
case $data in *miplib*) format=freemps ;; esac

# ---- the harness: one solve through the library --------------------------

tune_one=$build/tune/tune_one
build_harness() {
    mkdir -p "$build/tune"
    # written beside and moved in only when it changed, and compiled to a
    # temporary name: another tune.sh may be running the harness
    cat >"$build/tune/tune_one.c.new" <<'EOF'
/* tune_one [key=value ...] FILE: read FILE through libprocopt, solve it
 * with the options given, print one line:
 *   status objective constant solve_s iterations nodes rows cols
 *   nonzeros integers cpu_s
 * Keys: format=mps|freemps|lp|gmpl|json, relax=1 (every variable
 * continuous), method=auto|primal|dual|interior, presolve=0|1,
 * pricing=auto|steepest|dantzig, ratio=auto|harris|flip, cuts=0|1,
 * cutkinds=BITS, branch=auto|dth|pch|mfv|ffv|lfv,
 * backtrack=auto|blb|bph|dfs|bfs, heur=BITS, binarize=0|1, proxtime=S, reductions=BITS,
 * scaling=glpk|own|none, interior=N (lp_interior_nonzeros), time=S,
 * gap=G. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "procopt.h"

/* CPU seconds of this process: GLPK runs in one thread, so it is the work
 * done whatever else runs on the machine. */
static double cpu_s(void)
{
    struct rusage u;
    if (getrusage(RUSAGE_SELF, &u) != 0)
        return 0;
    return (double)u.ru_utime.tv_sec + 1e-6 * (double)u.ru_utime.tv_usec +
           (double)u.ru_stime.tv_sec + 1e-6 * (double)u.ru_stime.tv_usec;
}

static int pick(const char *v, const char *const *names, int *out)
{
    for (int k = 0; names[k] != NULL; k++)
        if (strcmp(v, names[k]) == 0) {
            *out = k;
            return 0;
        }
    return -1;
}

int main(int argc, char **argv)
{
    static const char *const methods[] = {"auto", "primal", "dual",
                                          "interior", NULL};
    static const char *const pricings[] = {"auto", "steepest", "dantzig",
                                           NULL};
    static const char *const ratios[] = {"auto", "harris", "flip", NULL};
    static const char *const branches[] = {"auto", "dth", "pch", "mfv",
                                           "ffv", "lfv", NULL};
    static const char *const backtracks[] = {"auto", "blb", "bph", "dfs",
                                             "bfs", NULL};
    static const char *const scalings[] = {"glpk", "own", "none", NULL};
    po_options o;
    po_format format = PO_FORMAT_AUTO;
    int relax = 0, k = 0, bad = 0;
    po_options_init(&o);
    if (argc < 2)
        return 2;
    for (int i = 1; i < argc - 1; i++) {
        char key[32];
        const char *eq = strchr(argv[i], '=');
        if (eq == NULL || (size_t)(eq - argv[i]) >= sizeof key)
            return 2;
        memcpy(key, argv[i], (size_t)(eq - argv[i]));
        key[eq - argv[i]] = '\0';
        const char *v = eq + 1;
        if (strcmp(key, "format") == 0)
            bad = po_format_parse(v, &format) != PO_OK;
        else if (strcmp(key, "relax") == 0)
            relax = atoi(v);
        else if (strcmp(key, "method") == 0)
            bad = pick(v, methods, &k), o.method = (po_method)k;
        else if (strcmp(key, "presolve") == 0)
            o.presolve = atoi(v);
        else if (strcmp(key, "pricing") == 0)
            bad = pick(v, pricings, &o.lp_pricing);
        else if (strcmp(key, "ratio") == 0)
            bad = pick(v, ratios, &o.lp_ratio_test);
        else if (strcmp(key, "cuts") == 0)
            o.mip_cuts = atoi(v);
        else if (strcmp(key, "cutkinds") == 0)
            o.mip_cut_kinds = atoi(v);
        else if (strcmp(key, "branch") == 0)
            bad = pick(v, branches, &o.mip_branching);
        else if (strcmp(key, "backtrack") == 0)
            bad = pick(v, backtracks, &o.mip_backtrack);
        else if (strcmp(key, "heur") == 0)
            o.mip_heuristics = atoi(v);
        else if (strcmp(key, "binarize") == 0)
            o.mip_binarize = atoi(v);
        else if (strcmp(key, "proxtime") == 0)
            o.mip_proximity_time = atof(v);
        else if (strcmp(key, "reductions") == 0)
            o.reductions = (int)strtol(v, NULL, 0);
        else if (strcmp(key, "interior") == 0)
            o.lp_interior_nonzeros = atoi(v);
        else if (strcmp(key, "scaling") == 0)
            bad = pick(v, scalings, &o.scaling);
        else if (strcmp(key, "time") == 0)
            o.time_limit = atof(v);
        else if (strcmp(key, "gap") == 0)
            o.mip_gap = atof(v);
        else
            bad = 1;
        if (bad) {
            fprintf(stderr, "tune_one: bad %s\n", argv[i]);
            return 2;
        }
    }
    const char *path = argv[argc - 1];
    size_t len = strlen(path);
    po_model *m = NULL;
    po_result *r = NULL;
    po_status st;
    if (format == PO_FORMAT_JSON ||
        (len > 5 && strcmp(path + len - 5, ".json") == 0)) {
        /* a process model: compiled through the library */
        po_process *p = po_process_new();
        st = p == NULL ? PO_ENOMEM : po_process_load_file(p, path);
        if (st == PO_OK)
            st = po_process_compile(p, &m);
        if (st != PO_OK)
            fprintf(stderr, "tune_one: %s\n",
                    p != NULL ? po_process_errmsg(p) : "out of memory");
        po_process_free(p);
        if (st != PO_OK) {
            printf("error nan 0 0 0 0 0 0 0 0 0\n");
            return 1;
        }
    } else {
        m = po_model_new();
        st = m == NULL ? PO_ENOMEM : po_model_read(m, path, format, NULL);
    }
    for (int j = 0; st == PO_OK && relax && j < po_model_num_vars(m); j++)
        st = po_model_set_var_type(m, j, PO_CONTINUOUS);
    double c0 = cpu_s();
    if (st == PO_OK)
        st = po_solve(m, &o, &r);
    double cpu = cpu_s() - c0;
    if (st != PO_OK) {
        fprintf(stderr, "tune_one: %s\n",
                m != NULL ? po_model_errmsg(m) : "out of memory");
        printf("error nan 0 0 0 0 0 0 0 0 0\n");
        po_model_free(m);
        return 1;
    }
    printf("%s %.17g %.17g %.6f %ld %ld %d %d %ld %d %.6f\n",
           po_outcome_name(po_result_outcome(r)), po_result_objective(r),
           po_model_obj_constant(m), po_result_time(r),
           po_result_iterations(r), po_result_nodes(r),
           po_model_num_constrs(m), po_model_num_vars(m),
           po_model_num_nonzeros(m), po_model_num_integer_vars(m), cpu);
    po_result_free(r);
    po_model_free(m);
    return 0;
}
EOF
    if cmp -s "$build/tune/tune_one.c.new" "$build/tune/tune_one.c"; then
        rm -f "$build/tune/tune_one.c.new"
    else
        mv -f "$build/tune/tune_one.c.new" "$build/tune/tune_one.c"
    fi
    if [ ! -x "$tune_one" ] || [ "$build/tune/tune_one.c" -nt "$tune_one" ] ||
        [ "$build/libprocopt.a" -nt "$tune_one" ]; then
        # shellcheck disable=SC2046  # pkg-config prints a list of words
        $cc -std=c11 -O2 -I"$root/include" -o "$tune_one.$$" "$build/tune/tune_one.c" \
            "$build/libprocopt.a" -lglpk $(pkg-config --libs openblas 2>/dev/null || echo -lopenblas) \
            $(pkg-config --libs jansson 2>/dev/null || echo -ljansson) -lz -lm -ldl -pthread ||
            die "cannot build $tune_one (run make BUILD=$build first)"
        mv -f "$tune_one.$$" "$tune_one"
    fi
}

# ---- instances -----------------------------------------------------------

instances() {
    [ "$only" = none ] && return
    awk -F '\t' -v only=",$only," 'NR > 1 && $1 != "" {
            if (only != ",," && index(only, "," $1 ",") == 0) next
            print $1 "\t" $5
        }' "$data/OPTIMA.tsv"
}

find_file() {
    for _f in "$data/$1.mps.gz" "$data/$1.mps" "$data/$1.gz" "$data/$1"; do
        if [ -f "$_f" ]; then echo "$_f"; return 0; fi
    done
    return 1
}

# verdict STATUS OBJECTIVE OPTIMUM CONSTANT
verdict() {
    awk -v st="$1" -v x="$2" -v opt="$3" -v c="$4" -v tol="$tol" 'BEGIN {
        if (st == "optimal") {
            if (opt == "-" || opt == "") { print "unchecked"; exit }
            e = (x - c) - opt; if (e < 0) e = -e
            d = opt < 0 ? -opt : opt; if (d < 1) d = 1
            print (e / d <= tol ? "ok" : "WRONG"); exit
        }
        if ((st == "infeasible" || st == "unbounded" || st == "infeasible_or_unbounded") &&
            opt != "-" && opt != "") { print "WRONG"; exit }
        if (st == "time_limit" || st == "feasible" || st == "iteration_limit") { print "time"; exit }
        print "fail"
    }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# run_config NAME ARGS RAW: every instance under one configuration.
run_config() {
    _name=$1 _args=$(echo "$2" | tr ',' ' ') _raw=$3
    {
        instances
        [ -n "$file" ] && printf '%s\t-\n' "$file"
    } | while IFS="$(printf '\t')" read -r inst opt; do
        if [ -f "$inst" ]; then path=$inst inst=$(basename "$inst"); else
            path=$(find_file "$inst") || { note "$inst: no file in $data"; continue; }
        fi
        case $path in *.json) fmt=json ;; *) fmt=$format ;; esac
        : >"$out/times"
        : >"$out/cpus"
        r=1
        while [ "$r" -le "$repeat" ]; do
            # shellcheck disable=SC2086  # _args is a list of words
            if [ $ir = 1 ]; then
                # shellcheck disable=SC2086  # _args is a list of words
                line=$(timeout $((${limit%.*} * 50 + 30)) valgrind --tool=callgrind \
                    --collect-atstart=no --toggle-collect=po_solve --callgrind-out-file=/dev/null \
                    "$tune_one" format=$fmt $relax $_args "$path" 2>"$out/cg.err") ||
                    [ -n "$line" ] || line="crash nan 0 $limit 0 0 0 0 0 0 $limit"
            else
                # shellcheck disable=SC2086  # _args is a list of words
                line=$([ -z "$cpulim" ] || ulimit -t "$cpulim"
                    timeout $((${limit%.*} + 30)) "$tune_one" format=$fmt time="$limit" $relax $_args "$path" 2>/dev/null) ||
                    [ -n "$line" ] || line="crash nan 0 $limit 0 0 0 0 0 0 $limit"
                # killed at --cpu-limit: a time limit, not a crash
                [ -n "$cpulim" ] && [ "${line%% *}" = crash ] &&
                    line="time_limit nan 0 $limit 0 0 0 0 0 0 $cpulim"
            fi
            set -- $line
            echo "$4" >>"$out/times"
            if [ $ir = 1 ]; then
                awk '/Collected :/ { printf "%.6f\n", $NF / 1e9; f = 1 } END { if (!f) print 0 }' \
                    "$out/cg.err" >>"$out/cpus"
            else
                echo "${11}" >>"$out/cpus"
            fi
            r=$((r + 1))
        done
        t=$(median <"$out/times")
        u=$(median <"$out/cpus")
        # a relaxation's optimum is not the published one
        [ -n "$relax" ] && opt=-
        v=$(verdict "$1" "$2" "$opt" "$3")
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$_name" "$inst" "$1" "$2" "$t" "$5" "$6" "$v" "$u" >>"$_raw"
        printf '%-18s %-10s %-16s %12.6g %9.3f %9.3f %s\n' "$_name" "$inst" "$1" "$2" "$t" "$u" "$v" >&2
    done
}

# ---- peers ---------------------------------------------------------------

now_ns() { date +%s%N; }

run_peers() {
    _raw=$1
    instances | while IFS="$(printf '\t')" read -r inst opt; do
        path=$(find_file "$inst") || continue
        for s in procopt glpsol cbc; do
            if [ $s = procopt ]; then
                # procopt's defaults (or --procopt-args), through the harness
                # shellcheck disable=SC2086  # a list of words
                line=$(timeout $((${limit%.*} + 30)) "$tune_one" format=$format time="$limit" \
                    $procopt_args "$path" 2>/dev/null) || [ -n "$line" ] ||
                    line="crash nan 0 $limit 0 0 0 0 0 0 $limit"
                set -- $line
                t=$4 u=${11} c=$3
            else
                command -v $s >/dev/null 2>&1 || { note "$s not installed: skipped"; continue; }
                rm -f "$out/peer.sol" "$out/peer.log" "$out/peer.cpu"
                t0=$(now_ns)
                if [ $s = glpsol ]; then
                    timeout $((${limit%.*} + 30)) /usr/bin/time -f '%U %S' -o "$out/peer.cpu" \
                        glpsol --freemps "$path" --tmlim "${limit%.*}" \
                        -w "$out/peer.sol" >"$out/peer.log" 2>&1
                    t1=$(now_ns)
                    set -- $(awk '$1 == "s" && $2 == "mip" {
                            print ($5 == "o" ? "optimal" : $5 == "n" ? "infeasible" : "time_limit"), $6; f = 1 }
                        END { if (!f) print "error nan" }' "$out/peer.sol" 2>/dev/null || echo error nan)
                else
                    # -threads 1: CBC single-threaded, as the issue's target asks
                    timeout $((${limit%.*} + 30)) /usr/bin/time -f '%U %S' -o "$out/peer.cpu" \
                        cbc "$path" -threads 1 -sec "${limit%.*}" \
                        -solve -quit >"$out/peer.log" 2>&1
                    t1=$(now_ns)
                    set -- $(awk '/^Result - Optimal solution found/ { st = "optimal" }
                        /^Result - Problem proven infeasible/ || /^Result - Linear relaxation infeasible/ { st = "infeasible" }
                        /^Result - Stopped/ { st = "time_limit" }
                        /^Objective value:/ { obj = $3 }
                        END { print (st == "" ? "error" : st), (obj == "" ? "nan" : obj) }' "$out/peer.log")
                fi
                t=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
                u=$(awk 'NF == 2 && $1 ~ /^[0-9.]+$/ { printf "%.3f", $1 + $2; f = 1 } END { if (!f) print 0 }' \
                    "$out/peer.cpu" 2>/dev/null)
                c=0
            fi
            v=$(verdict "$1" "$2" "$opt" "$c")
            printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$s" "$inst" "$1" "$2" "$t" 0 0 "$v" "$u" >>"$_raw"
            printf '%-18s %-10s %-16s %12.6g %9.3f %9.3f %s\n' "$s" "$inst" "$1" "$2" "$t" "$u" "$v" >&2
        done
    done
}

# ---- report --------------------------------------------------------------

# report RAW: one line per configuration, in the order first seen.
report() {
    awk -F '\t' -v md="$markdown" -v lim="${cpulim:-$limit}" -v sh="$shift_s" -v cpu="$cpu" '
        !($1 in seen) { seen[$1] = 1; order[++nc] = $1 }
        {
            c = $1; i = $2; n[c]++
            if (!(i in inst)) { inst[i] = 1; ni++ }
            x = (cpu && NF >= 9) ? $9 : $5
            ok[c, i] = ($8 == "ok" || $8 == "unchecked"); t[c, i] = x
            if ($8 == "ok" || $8 == "unchecked") solved[c]++
            if ($8 == "WRONG") wrong[c]++
            if ($8 == "fail") failed[c]++
            tt = ok[c, i] ? x : lim; if (tt > lim) tt = lim
            sg[c] += log(tt + sh); tot[c] += tt
        }
        END {
            ref = order[1]
            if (md) {
                print "| configuration | solved | wrong | fail | sh.geomean s | total s | ratio to " ref " (both solved) |"
                print "|---|--:|--:|--:|--:|--:|--:|"
            } else
                printf "%-20s %7s %6s %5s %13s %10s  %s\n", "configuration", "solved", "wrong", "fail", "sh.geomean s", "total s", "ratio to " ref " (both solved)"
            for (k = 1; k <= nc; k++) {
                c = order[k]; lr = 0; nr = 0
                for (i in inst)
                    if (ok[c, i] && ok[ref, i]) { lr += log((t[c, i] + sh) / (t[ref, i] + sh)); nr++ }
                g = exp(sg[c] / n[c]) - sh
                r = nr ? sprintf("%.3f (%d)", exp(lr / nr), nr) : "-"
                if (md)
                    printf "| %s | %d/%d | %d | %d | %.3f | %.1f | %s |\n", c, solved[c], n[c], wrong[c], failed[c], g, tot[c], r
                else
                    printf "%-20s %3d/%-3d %6d %5d %13.3f %10.1f  %s\n", c, solved[c], n[c], wrong[c], failed[c], g, tot[c], r
            }
        }' "$1"
}

# ---- main ----------------------------------------------------------------

raw=$out/$mode.tsv
case $mode in
report)
    for m in lp mip; do
        [ -s "$out/$m.tsv" ] || continue
        case $m in lp) shift_s=0.01 ;; *) shift_s=1 ;; esac
        [ $ir = 1 ] && shift_s=0.07
        echo "== $m ($out/$m.tsv)"
        report "$out/$m.tsv"
    done
    exit 0
    ;;
peers)
    [ -f "$data/OPTIMA.tsv" ] || die "no $data/OPTIMA.tsv"
    build_harness
    echo "tune: peers on $data, limit $limit s, load $(cut -d ' ' -f 1-3 /proc/loadavg)" >&2
    run_peers "$raw"
    report "$raw"
    exit 0
    ;;
esac

[ -f "$data/OPTIMA.tsv" ] || [ "$only" = none ] || die "no $data/OPTIMA.tsv"
build_harness
case $mode in lp) list=$lp_configs ;; mip) list=$mip_configs ;; esac
if [ $# -eq 0 ]; then
    set -- $(echo "$list" | awk 'NF { print $1 }')
fi
echo "tune: $mode on $data, limit $limit s, load $(cut -d ' ' -f 1-3 /proc/loadavg)" >&2
for c in "$@"; do
    case $c in
    *=*) name=${c%%=*} args=${c#*=} ;;
    *)
        name=$c
        args=$(echo "$list" | awk -v n="$c" '$1 == n { print ($2 == "" ? "-" : $2); f = 1 } END { if (!f) print "?" }')
        [ "$args" = "?" ] && die "unknown configuration $c"
        [ "$args" = "-" ] && args=''
        ;;
    esac
    run_config "$name" "$args" "$raw"
done
report "$raw"
grep -q '	WRONG$' "$raw" && exit 1
exit 0
