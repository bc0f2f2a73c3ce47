#!/bin/sh
# bench/run.sh -- time procopt against glpsol and the other solvers on a set
# of LP/MIP instances, whole process, in one run, and check every objective
# against the set's published optima.  A measurement, not a test: the exit
# status is 1 only when procopt gives a wrong answer (or no answer where an
# optimum is published, other than by running out of time); times never fail.
#
#   sh bench/run.sh [options] [DIR]
#
# DIR: a directory of instances with an OPTIMA.tsv (name, rows, cols,
# nonzeros, optimal_objective, source; tab-separated, one header line).
# Default: $PROCOPT_DATA when it is a set (has an OPTIMA.tsv), else
# $PROCOPT_DATA/netlib, else ../shared/data/netlib next to the repository,
# else (with a note) the Debian sample instances, as with --quick.
#
# Options:
#   --quick            the sample instances of coinor-libcoinutils-dev
#                      ($PROCOPT_SAMPLE, default /usr/share/coin/Data/Sample)
#                      checked against bench/sample-optima.tsv; time limit
#                      10 s unless --time-limit is given (glpsol and lp_solve
#                      reach it on p0548; procopt needs under 2 s anywhere)
#   --time-limit S     limit per instance and solver, the same for every
#                      solver, whole seconds (default 60): CPU seconds with
#                      bench/timed_run (RLIMIT_CPU, and a wall-clock guard),
#                      wall-clock seconds without it (timeout)
#   --repeat N         run each solver N times, report the median times (default 1)
#   --solvers LIST     comma-separated, in column order (default
#                      procopt,procopt-raw,glpsol,clp,cbc,lp_solve,peer);
#                      solvers not installed are skipped with a note
#   --format F         mps (fixed) or freemps; default freemps when DIR's name
#                      contains "miplib", else mps
#   --only LIST        comma-separated instance names (default: all in OPTIMA.tsv)
#   --optima FILE      the optima table (default DIR/OPTIMA.tsv)
#   --tolerance T      relative tolerance of the objective check (default 1e-6)
#   --procopt-args A   extra arguments for bench/solve_one in the procopt column
#                      (e.g. "--no-presolve"; see solve_one's usage)
#   --raw-args A       the arguments of the procopt-raw column (default
#                      "--no-reductions --scaling glpk": procopt without its
#                      own presolve and scaling, GLPK's presolver as default)
#   --times T          time columns of the table: wall, cpu or both (default)
#   --markdown         print the table as Markdown (for docs/benchmarks.md)
#   --out FILE         keep the raw results (one tab-separated line per
#                      instance and solver) in FILE
#   --report FILE[,FILE...]  print the table and summary of such files again
#                      (e.g. with --markdown) and run nothing; may be given
#                      more than once.  The files are read in order and a
#                      later line replaces an earlier one of the same
#                      instance and solver, so a peers-only run and a later
#                      procopt run show as one table.
#
# Solvers (each one whole process, one after the other):
#   procopt      bench/solve_one (the library, po_options_init defaults)
#   procopt-raw  bench/solve_one with --raw-args
#   glpsol       glpsol --mps|--freemps FILE -w SOL (objective read from SOL)
#   clp          clp FILE -solve (LPs only)
#   cbc          cbc FILE -threads 0 -solve -quit (single-threaded)
#   lp_solve     lp_solve -S1 -mps|-fmps -mps_ibm FILE; lp_solve reads no
#                gzip, so it gets a decompressed copy (made before the
#                clock starts); -mps_ibm makes an integer column without
#                bounds binary, as GLPK and CBC read it
#   peer         $PROCOPT_PEER_CMD run by sh -c, its column named
#                $PROCOPT_PEER_NAME (default "peer"); skipped with a note
#                when PROCOPT_PEER_CMD is unset.  In the command, {} is
#                replaced by the instance (a decompressed copy NAME.mps),
#                {orig} by the file as stored (maybe gzipped), {fmt} by mps
#                or freemps.  The objective is the first number after the
#                word "objective" (any case) on the last output line that
#                has one ("Objective value : -4.6475e+02"); the status
#                comes from the last line matching /status/ (optimal,
#                infeasible, unbounded, time limit), else optimal when the
#                command exited 0 with an objective.  $PROCOPT_PEER_CONV
#                is its objective-constant convention (below; default -1,
#                as COIN-OR and HiGHS).  Example (HiGHS):
#                  PROCOPT_PEER_CMD='highs --model_file {}' PROCOPT_PEER_NAME=highs
#
# Times: wall-clock seconds of the whole process, and CPU seconds (user +
# system of the process and every child it waited for), measured by
# bench/timed_run (microseconds; built by make bench) or, when it is not
# built, by GNU time (hundredths).  The limit is on CPU time with timed_run,
# so that a solver gets the same work done before it is stopped whatever
# else runs on the machine.  The driver's own cost, measured on
# `true`, is taken off the wall times.  The machine is shared: CPU time is
# the more robust figure, and the summary gives a geometric-mean ratio to
# glpsol of both.
#
# Objective check: rel.err = |x - opt| / max(1, |opt|) on the objective
# without its constant, because published optima exclude it.  Only e226 has
# one (bench/objective-constants.tsv): GLPK (procopt, glpsol) and lp_solve
# add the RHS of the objective row as the constant, COIN-OR readers (clp,
# cbc) subtract it, so each solver's objective is corrected by its own
# convention (measured on e226).
#
# Raw file columns (tab-separated, no header): name rows cols nonzeros mip
# solver status objective rel.err verdict wall_s peak_rss_kB cpu_s
# time_limit (seconds; "60cpu" for a CPU-time limit, "60" for a wall-clock
# one).  Files of older runs have only the first 12; their CPU time shows as
# missing.
#
# Adding a solver: write avail_NAME (is it installed?), run_NAME FILE FORMAT
# OUT (run it through `timed`; FILE is the stored file, $plain a
# decompressed copy), parse_NAME OUT (print "STATUS OBJECTIVE"), set
# conv_NAME (+1 when its objective includes the objective row's RHS as GLPK
# does, -1 when it subtracts it, 0 when it ignores it), and name it in
# --solvers (a "-" in NAME is "_" in the function names).
#
# Copyright (C) 2026 the procopt developers.  GPL-3.0-or-later.

# The solver functions below are called indirectly ("run_$s"), hence:
# shellcheck disable=SC2317,SC2034

set -u
LC_ALL=C
export LC_ALL

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${PROCOPT_BUILD:-$root/build}
solve_one=${PROCOPT_SOLVE_ONE:-$build/bench/solve_one}
timed_run=${PROCOPT_TIMED_RUN:-$build/bench/timed_run}
sample_dir=${PROCOPT_SAMPLE:-/usr/share/coin/Data/Sample}
peer_cmd=${PROCOPT_PEER_CMD:-}
peer_name=${PROCOPT_PEER_NAME:-peer}

quick=0 limit='' repeat=1 solvers=procopt,procopt-raw,glpsol,clp,cbc,lp_solve,peer
format='' only='' optima='' tol=1e-6 procopt_args='' markdown=0 out='' dir=''
raw_args='--no-reductions --scaling glpk' times=both report_files=''

die() { echo "bench: $*" >&2; exit 2; }
note() { echo "bench: $*" >&2; }

# ---- report --------------------------------------------------------------

# report SOLVERS FILE...: the table and the summary of raw results files
# (exit status 1 when procopt, in any configuration, has a WRONG or FAIL row).
report() {
    _order=$1
    shift
    awk -F '\t' -v md="$markdown" -v order="$_order" -v times="$times" '
        function cell(v, w) { return md ? v " | " : sprintf("%" w "s ", v) }
        function num(v) { return v != "" && v != "-" && v != "nan" }
        function tcell(i, s, c,   v) {
            v = verdict[i, s]
            if (v == "") return "-"
            if (v == "ok" || v == "unchecked") {
                if (c == "cpu") return num(cpu[i, s]) ? sprintf("%.3f", cpu[i, s]) : "-"
                return sprintf("%.3f", wall[i, s])
            }
            return v
        }
        function ratio(a, b) {
            if (!(a > 0) || !(b > 0)) return "-"
            r = a / b
            return sprintf(r < 0.095 ? "%.3f" : "%.2f", r)
        }
        {
            if (!(($1) in seen)) { seen[$1] = 1; inst[++ni] = $1 }
            # Sizes as procopt reads them (GLPK does not count the objective
            # row), else the first seen.
            if ($6 == "procopt" || !(($1) in rows)) { rows[$1] = $2; cols[$1] = $3 }
            if (!(($6) in have)) { have[$6] = 1; extra[++nx] = $6 }
            status[$1, $6] = $7; obj[$1, $6] = $8; err[$1, $6] = $9
            verdict[$1, $6] = $10; wall[$1, $6] = $11; rss[$1, $6] = $12
            cpu[$1, $6] = NF >= 13 ? $13 : ""
            if (NF < 14) nolim = 1
            else if (!(($14) in limits)) {
                limits[$14] = 1; nlim++
                alim = alim (nlim > 1 ? ", " : "") ($14 ~ /cpu$/ ? substr($14, 1, length($14) - 3) " CPU-seconds" : $14 " s")
            }
        }
        END {
            # Column order: the wanted order, then any other solver in the files.
            ns = 0
            n0 = split(order, o0, " ")
            for (k = 1; k <= n0; k++) if (o0[k] in have && !(o0[k] in placed)) { sv[++ns] = o0[k]; placed[o0[k]] = 1 }
            for (k = 1; k <= nx; k++) if (!(extra[k] in placed)) { sv[++ns] = extra[k]; placed[extra[k]] = 1 }
            hasg = "glpsol" in have; hasp = "procopt" in have
            nt = 0
            if (times != "cpu") tk[++nt] = "wall"
            if (times != "wall") tk[++nt] = "cpu"
            # Header.
            line = md ? "| " : ""
            line = line cell("instance", -10) cell("rows", 6) cell("cols", 6)
            sep = "|---|--:|--:|"
            for (t = 1; t <= nt; t++) {
                for (k = 1; k <= ns; k++) {
                    line = line cell(sv[k] (tk[t] == "cpu" ? " cpu" : " s"), 10); sep = sep "--:|"
                }
                if (hasp && hasg) { line = line cell(tk[t] == "cpu" ? "cpu ratio" : "ratio", 6); sep = sep "--:|" }
            }
            if (hasp) { line = line cell("objective", 22) cell("rel.err", 8) cell("check", 6); sep = sep "--:|--:|---|" }
            print line
            if (md) print sep
            for (n = 1; n <= ni; n++) {
                i = inst[n]
                line = md ? "| " : ""
                line = line cell(i, -10) cell(rows[i], 6) cell(cols[i], 6)
                for (t = 1; t <= nt; t++) {
                    for (k = 1; k <= ns; k++) line = line cell(tcell(i, sv[k], tk[t]), 10)
                    if (hasp && hasg) {
                        r = "-"
                        if (verdict[i, "procopt"] == "ok" && verdict[i, "glpsol"] == "ok") {
                            if (tk[t] == "cpu") r = ratio(cpu[i, "procopt"], cpu[i, "glpsol"])
                            else r = ratio(wall[i, "procopt"], wall[i, "glpsol"])
                        }
                        line = line cell(r, 6)
                    }
                }
                if (hasp) {
                    v = verdict[i, "procopt"]
                    o = obj[i, "procopt"]
                    if (v == "") o = "-"
                    else if (o == "nan" || o == "") o = status[i, "procopt"]
                    else o = sprintf("%.12g", o)
                    e = err[i, "procopt"]; if (e == "nan" || e == "") e = "-"
                    line = line cell(o, 22) cell(e, 8) cell(v == "ok" ? "ok" : v == "" ? "-" : toupper(v), 6)
                }
                print line
            }
            lt = nlim == 0 ? "the run'"'"'s time limit" : nlim == 1 ? "the time limit of " alim : "the time limits (" alim ")"
            if (nlim && nolim) lt = lt " (not recorded in older files)"
            print ""
            tw = times == "wall" ? "wall-clock (s)" : times == "cpu" ? "CPU, user + system (cpu)" : "wall-clock (s) and CPU, user + system (cpu)"
            print "Times: whole-process seconds (median of the repeats), " tw ";"
            print "ratio = procopt/glpsol; TIME = stopped at " lt " (the same for every solver);"
            print "objective is procopt'"'"'s as reported (with any objective constant); rel.err takes the"
            print "constant out by each solver'"'"'s convention (bench/objective-constants.tsv)."
            # Summary, one line per solver.
            print ""
            if (md) print "```"
            printf "%-11s %7s %5s %4s %4s %11s %8s %8s %17s %17s %7s\n", "solver", "solved", "wrong", "fail",
                   "time", "max.rel.err", "wall s", "cpu s", "geomean wall/glp", "geomean cpu/glp", "peak MB"
            bad = 0
            for (k = 1; k <= ns; k++) {
                s = sv[k]; ok = wr = fa = tl = tot = ctot = 0; mx = 0; lg = 0; nr = 0; lc = 0; nc = 0; pk = 0; cnt = 0; cmiss = 0
                for (n = 1; n <= ni; n++) {
                    i = inst[n]; v = verdict[i, s]
                    if (v == "n/a" || v == "") continue
                    cnt++
                    if (v == "ok" || v == "unchecked") ok++
                    else if (v == "wrong") wr++
                    else if (v == "time") tl++
                    else fa++
                    if (num(err[i, s]) && err[i, s] + 0 > mx) mx = err[i, s] + 0
                    tot += wall[i, s]
                    if (num(cpu[i, s])) ctot += cpu[i, s]; else cmiss++
                    if (num(rss[i, s]) && rss[i, s] + 0 > pk) pk = rss[i, s] + 0
                    if (hasg && v == "ok" && verdict[i, "glpsol"] == "ok") {
                        if (wall[i, s] > 0 && wall[i, "glpsol"] > 0) { lg += log(wall[i, s] / wall[i, "glpsol"]); nr++ }
                        if (cpu[i, s] > 0 && cpu[i, "glpsol"] > 0) { lc += log(cpu[i, s] / cpu[i, "glpsol"]); nc++ }
                    }
                }
                if (!cnt) continue
                gm = nr ? sprintf("%.3f (%d)", exp(lg / nr), nr) : "-"
                gc = nc ? sprintf("%.3f (%d)", exp(lc / nc), nc) : "-"
                ct = cmiss == cnt ? "-" : sprintf("%.2f%s", ctot, cmiss ? "+" : "")
                printf "%-11s %7s %5d %4d %4d %11.1e %8.2f %8s %17s %17s %7s\n", s, ok "/" cnt, wr, fa, tl, mx,
                       tot, ct, gm, gc, pk ? sprintf("%.1f", pk / 1024) : "-"
                if (s == "procopt") {
                    psum = sprintf("procopt: %d of %d solved within %s, %d wrong, %d failed, %d over the limit; largest relative error %.1e; geometric-mean ratio procopt/glpsol: wall %s, CPU %s",
                                   ok, cnt, lt, wr, fa, tl, mx,
                                   nr ? sprintf("%.3f over %d instances", exp(lg / nr), nr) : "-",
                                   nc ? sprintf("%.3f over %d", exp(lc / nc), nc) : "-")
                }
                if (s ~ /^procopt/) bad += wr + fa
            }
            print ""
            print "solved: right answer within " lt "; geomean: procopt (or the solver) over glpsol on the"
            print "instances both solved, in brackets how many; cpu s with \"+\": some runs have no CPU time."
            if (hasp) { print ""; print psum }
            if (md) print "```"
            exit (bad ? 1 : 0)
        }' "$@"
}


while [ $# -gt 0 ]; do
    case $1 in
    --quick) quick=1 ;;
    --time-limit) [ $# -ge 2 ] || die "$1 needs a value"; limit=$2; shift ;;
    --repeat) [ $# -ge 2 ] || die "$1 needs a value"; repeat=$2; shift ;;
    --solvers) [ $# -ge 2 ] || die "$1 needs a value"; solvers=$2; shift ;;
    --format) [ $# -ge 2 ] || die "$1 needs a value"; format=$2; shift ;;
    --only) [ $# -ge 2 ] || die "$1 needs a value"; only=$2; shift ;;
    --optima) [ $# -ge 2 ] || die "$1 needs a value"; optima=$2; shift ;;
    --tolerance) [ $# -ge 2 ] || die "$1 needs a value"; tol=$2; shift ;;
    --procopt-args) [ $# -ge 2 ] || die "$1 needs a value"; procopt_args=$2; shift ;;
    --raw-args) [ $# -ge 2 ] || die "$1 needs a value"; raw_args=$2; shift ;;
    --times) [ $# -ge 2 ] || die "$1 needs a value"; times=$2; shift ;;
    --markdown) markdown=1 ;;
    --out) [ $# -ge 2 ] || die "$1 needs a value"; out=$2; shift ;;
    --report) [ $# -ge 2 ] || die "$1 needs a value"; report_files="$report_files,$2"; shift ;;
    -h|--help) sed -n '2,/^# Copyright/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) [ -z "$dir" ] || die "only one directory"; dir=$1 ;;
    esac
    shift
done

if [ -z "$limit" ]; then
    if [ $quick = 1 ]; then limit=10; else limit=60; fi
fi
case $limit in ''|*[!0-9]*|0) die "--time-limit: not a positive whole number of seconds: $limit" ;; esac
case $repeat in ''|*[!0-9]*|0) die "--repeat: not a positive integer: $repeat" ;; esac
case $format in ''|mps|freemps) ;; *) die "--format: mps or freemps, not $format" ;; esac
case $times in wall|cpu|both) ;; *) die "--times: wall, cpu or both, not $times" ;; esac
case $peer_name in
    ''|*[!A-Za-z0-9_.+-]*) die "PROCOPT_PEER_NAME: letters, digits and _.+- only, not '$peer_name'" ;;
    procopt|procopt-raw|glpsol|clp|cbc|lp_solve) die "PROCOPT_PEER_NAME: $peer_name is a built-in column" ;;
esac

label() { if [ "$1" = peer ]; then echo "$peer_name"; else echo "$1"; fi; }

# The column order, the peer under its own name.
order=
for s in $(echo "$solvers" | tr ',' ' '); do order="$order $(label "$s")"; done

if [ -n "$report_files" ]; then
    set --
    old_ifs=$IFS
    IFS=,
    for f in ${report_files#,}; do
        [ -f "$f" ] || die "$f: no such file"
        set -- "$@" "$f"
    done
    IFS=$old_ifs
    report "procopt procopt-raw glpsol clp cbc lp_solve $order" "$@"
    exit $?
fi

if [ $quick = 1 ]; then
    [ -z "$dir" ] || die "--quick takes no directory"
    dir=$sample_dir
    [ -n "$optima" ] || optima=$here/sample-optima.tsv
elif [ -z "$dir" ]; then
    # $PROCOPT_DATA: a set, or the data directory (as for bench/all.sh).
    dir=${PROCOPT_DATA:-$root/../shared/data}
    [ -f "$dir/OPTIMA.tsv" ] || dir=$dir/netlib
    if [ -z "${PROCOPT_DATA:-}" ] && [ ! -d "$dir" ]; then
        note "$dir not found: running the sample instances instead (--quick)"
        dir=$sample_dir
        [ -n "$optima" ] || optima=$here/sample-optima.tsv
    fi
fi
[ -d "$dir" ] || die "$dir: no such directory"
dir=$(cd "$dir" && pwd)
[ -n "$optima" ] || optima=$dir/OPTIMA.tsv
[ -f "$optima" ] || die "$optima: no optima table"
mipset=0
case $(basename "$dir") in *miplib*) mipset=1 ;; esac
if [ -z "$format" ]; then
    if [ $mipset = 1 ]; then format=freemps; else format=mps; fi
fi
constants=$here/objective-constants.tsv

tmp=$(mktemp -d "${TMPDIR:-/tmp}/procopt-bench.XXXXXX") || die "mktemp failed"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
raw=$tmp/raw.tsv
: >"$raw"

# The stopwatch: bench/timed_run when built, else GNU time around timeout.
meter=none
if [ -x "$timed_run" ] && "$timed_run" -t 5 -o "$tmp/t" true 2>/dev/null; then
    meter=timed_run
else
    command -v timeout >/dev/null 2>&1 || die "timeout (coreutils) is needed"
    if [ -x /usr/bin/time ] && /usr/bin/time -f '%M %U %S' -o "$tmp/t" true 2>/dev/null; then
        meter=gnu_time
        note "$timed_run not built: CPU times from GNU time, in hundredths of a second"
    else
        note "$timed_run not built and no GNU time: no CPU times nor peak memory"
    fi
fi

# timed OUT CMD...: run CMD under the time limit, stdout and stderr to OUT.
# Sets rc (124 when the limit was hit), wall (seconds, the driver's own cost
# subtracted), cpu (user + system seconds, or -) and rss (peak resident set,
# kB, or -).
timed() {
    _out=$1
    shift
    rm -f "$tmp/meter"
    cpu=- rss=-
    if [ $meter = timed_run ]; then
        "$timed_run" -t "$limit" -o "$tmp/meter" "$@" >"$_out" 2>&1
        rc=$?
        if [ -s "$tmp/meter" ] && read -r _w _u _s _m <"$tmp/meter"; then
            cpu=$(awk -v u="$_u" -v s="$_s" 'BEGIN { printf "%.4f", u + s }')
            rss=$_m
        else
            _w=0
        fi
    else
        _t0=$(date +%s%N)
        if [ $meter = gnu_time ]; then
            /usr/bin/time -f '%M %U %S' -o "$tmp/meter" timeout -k 5 "$limit" "$@" >"$_out" 2>&1
            rc=$?
        else
            timeout -k 5 "$limit" "$@" >"$_out" 2>&1
            rc=$?
        fi
        _t1=$(date +%s%N)
        _w=$(awk -v a="$_t0" -v b="$_t1" 'BEGIN { printf "%.6f", (b - a) / 1e9 }')
        if [ $meter = gnu_time ] && [ -s "$tmp/meter" ]; then
            # GNU time writes "Command exited with non-zero status N" first.
            _m=$(tail -n 1 "$tmp/meter")
            cpu=$(echo "$_m" | awk 'NF == 3 { printf "%.2f", $2 + $3; exit } { print "-" }')
            rss=${_m%% *}
        fi
        [ "$rc" != 137 ] || rc=124
    fi
    case $rss in ''|*[!0-9]*) rss=- ;; esac
    wall=$(awk -v w="$_w" -v o="${overhead:-0}" \
        'BEGIN { w -= o; if (w < 1e-4) w = 1e-4; printf "%.4f", w }')
}

# The fixed wall-clock cost of the stopwatch and an exec, measured on
# `true`, is taken off every wall time so that tiny instances compare the
# solvers, not the driver.  The minimum of several runs: other load only
# ever adds to it.  (CPU times keep it: it is the solvers' own start-up.)
overhead=0
for _i in 1 2 3 4 5 6 7 8 9; do
    timed "$tmp/o" true
    echo "$wall"
done | sort -n | sed -n 1p >"$tmp/overhead"
overhead=$(cat "$tmp/overhead")

# ---- solvers -------------------------------------------------------------
# parse_* print "STATUS OBJECTIVE"; STATUS is optimal, feasible, infeasible,
# unbounded, infeasible_or_unbounded, time_limit, iteration_limit,
# numerical_failure, nonoptimal, error, or crash (OBJECTIVE is nan then).

# procopt, through the library (bench/solve_one.c).
conv_procopt=1
avail_procopt() { [ -x "$solve_one" ]; }
run_procopt() {
    # shellcheck disable=SC2086  # procopt_args is a list of words
    timed "$3" "$solve_one" --format "$2" $procopt_args "$1"
}
parse_procopt() {
    awk -v rc="$rc" '
        /^name=/ { for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } seen = 1 }
        END {
            if (!seen) { print (rc > 2 ? "crash" : "error"), "nan"; exit }
            print v["status"], (v["objective"] == "" ? "nan" : v["objective"])
        }' "$1"
}

# procopt without its own preprocessing (--raw-args).
conv_procopt_raw=1
avail_procopt_raw() { [ -x "$solve_one" ]; }
run_procopt_raw() {
    # shellcheck disable=SC2086  # raw_args is a list of words
    timed "$3" "$solve_one" --format "$2" $raw_args "$1"
}
parse_procopt_raw() { parse_procopt "$@"; }

# glpsol: the solution is written with -w and read back (full precision).
conv_glpsol=1
avail_glpsol() { command -v glpsol >/dev/null 2>&1; }
run_glpsol() {
    rm -f "$tmp/glpsol.sol"
    timed "$3" glpsol "--$2" "$1" -w "$tmp/glpsol.sol"
}
parse_glpsol() {
    if [ ! -s "$tmp/glpsol.sol" ]; then
        if [ "$rc" -gt 128 ]; then echo "crash nan"; else echo "error nan"; fi
        return
    fi
    # "s bas|ipt ROWS COLS PRIM DUAL OBJ" or "s mip ROWS COLS STAT OBJ",
    # with f/o = feasible/optimal, n = no feasible solution.
    awk '$1 == "s" {
            if ($2 == "mip") {
                st = $5 == "o" ? "optimal" : $5 == "f" ? "feasible" : $5 == "n" ? "infeasible" : "nonoptimal"
                print st, $6
            } else {
                st = ($5 == "f" && $6 == "f") ? "optimal" : $5 == "n" ? "infeasible" \
                   : $6 == "n" ? "unbounded" : "nonoptimal"
                print st, $7
            }
            found = 1; exit
        }
        END { if (!found) print "error nan" }' "$tmp/glpsol.sol"
}

# clp (LPs only: it would solve a MIP's relaxation).
conv_clp=-1
avail_clp() { command -v clp >/dev/null 2>&1; }
run_clp() { timed "$3" clp "$1" -solve; }
parse_clp() {
    awk -v rc="$rc" '
        /^Optimal objective/ { print "optimal", $3; found = 1; exit }
        /^Primal infeasible/ || /^Problem is infeasible/ { print "infeasible nan"; found = 1; exit }
        /^Dual infeasible/ || /^Problem is unbounded/ { print "unbounded nan"; found = 1; exit }
        END { if (!found) print (rc > 128 ? "crash" : "error"), "nan" }' "$1"
}

# cbc (LPs and MIPs), single-threaded: -threads 0 is its default, made
# explicit (the file must come first on its command line).
conv_cbc=-1
avail_cbc() { command -v cbc >/dev/null 2>&1; }
run_cbc() { timed "$3" cbc "$1" -threads 0 -solve -quit; }
parse_cbc() {
    awk -v rc="$rc" '
        /^Result - Optimal solution found/ { st = "optimal" }
        /^Result - Linear relaxation infeasible/ || /^Result - Problem proven infeasible/ { st = "infeasible" }
        /^Result - Linear relaxation unbounded/ { st = "unbounded" }
        /^Result - Stopped/ { st = "nonoptimal" }
        /^Objective value:/ { obj = $3 }
        /^Optimal objective/ && st == "" { st = "optimal"; obj = $3 }
        END {
            if (st == "") st = rc > 128 ? "crash" : "error"
            print st, (obj == "" ? "nan" : obj)
        }' "$1"
}

# lp_solve 5.5: -S1 prints only "Value of objective function: X" (8
# decimals: enough for the 1e-6 check) or "This problem is infeasible" /
# "unbounded".  Its exit status is solve()'s: 0 optimal, 1 suboptimal,
# 2 infeasible, 3 unbounded, 5 numerical failure.  It adds the objective
# row's RHS as GLPK does (e226: -25.86492907, measured).
conv_lp_solve=1
avail_lp_solve() { command -v lp_solve >/dev/null 2>&1; }
run_lp_solve() {
    if [ "$2" = freemps ]; then _f=-fmps; else _f=-mps; fi
    timed "$3" lp_solve -S1 "$_f" -mps_ibm "$plain"
}
parse_lp_solve() {
    awk -v rc="$rc" '
        /^Value of objective function:/ { obj = $NF }
        /This problem is infeasible/ { st = "infeasible" }
        /This problem is unbounded/ { st = "unbounded" }
        END {
            if (st == "") {
                if (rc == 0 && obj != "") st = "optimal"
                else if (rc == 1 && obj != "") st = "feasible"
                else if (rc == 5) st = "numerical_failure"
                else st = rc > 128 && rc < 255 ? "crash" : "error"
            }
            print st, (obj == "" || st != "optimal" && st != "feasible" ? "nan" : obj)
        }' "$1"
}

# The peer of $PROCOPT_PEER_CMD (see the head of this file).
conv_peer=${PROCOPT_PEER_CONV:--1}
avail_peer() {
    [ -n "$peer_cmd" ] || return 1
    # shellcheck disable=SC2086  # its first word is the program
    set -- $peer_cmd
    command -v "$1" >/dev/null 2>&1
}
# quote WORD: WORD in single quotes for sh -c.
quote() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }
run_peer() {
    _t=$peer_cmd _c=
    _qp=$(quote "$plain") _qo=$(quote "$1")
    while [ -n "$_t" ]; do
        case $_t in
        '{}'*) _c="$_c$_qp"; _t=${_t#??} ;;
        '{orig}'*) _c="$_c$_qo"; _t=${_t#??????} ;;
        '{fmt}'*) _c="$_c$2"; _t=${_t#?????} ;;
        *) _r=${_t#?}; _c="$_c${_t%"$_r"}"; _t=$_r ;;
        esac
    done
    timed "$3" sh -c "$_c"
}
parse_peer() {
    awk -v rc="$rc" '
        # The first number after the word "objective" (clp: "Optimal
        # objective -464.75 - 6 iterations time 0.002").
        function numafter(s,   n, f, k, seen) {
            n = split(s, f, /[ \t:=,;()]+/)
            for (k = 1; k <= n; k++) {
                if (tolower(f[k]) ~ /objective/) seen = 1
                else if (seen && f[k] ~ /^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/) return f[k]
            }
            return ""
        }
        tolower($0) ~ /objective/ { x = numafter($0); if (x != "") obj = x }
        tolower($0) ~ /status/ {
            l = tolower($0)
            if (l ~ /infeasible/ && l ~ /unbounded/) st = "infeasible_or_unbounded"
            else if (l ~ /infeasible/) st = "infeasible"
            else if (l ~ /unbounded/) st = "unbounded"
            else if (l ~ /time.?limit/) st = "time_limit"
            else if (l ~ /optimal/ && l !~ /(sub|non|not )optimal/) st = "optimal"
        }
        END {
            if (st == "") st = (rc == 0 && obj != "") ? "optimal" : rc > 128 ? "crash" : "error"
            print st, (obj == "" ? "nan" : obj)
        }' "$1"
}

# ---- instances -----------------------------------------------------------

solver_words=$(echo "$solvers" | tr ',' ' ')
active=
need_plain=0
for s in $solver_words; do
    fn=$(echo "$s" | tr - _)
    if ! command -v "avail_$fn" >/dev/null 2>&1; then
        die "unknown solver $s"
    fi
    if "avail_$fn"; then
        active="$active $s"
        case $s in lp_solve|peer) need_plain=1 ;; esac
    else
        case $s in
        procopt*) note "$s skipped: $solve_one not built (make bench builds it)" ;;
        peer)
            if [ -z "$peer_cmd" ]; then
                note "peer skipped: PROCOPT_PEER_CMD is not set (e.g. PROCOPT_PEER_CMD='highs --model_file {}' PROCOPT_PEER_NAME=highs)"
            else
                note "$peer_name skipped: $peer_cmd: command not found"
            fi ;;
        *) note "$s skipped: not installed" ;;
        esac
    fi
done
[ -n "$active" ] || die "no solver to run"

# name<TAB>rows<TAB>cols<TAB>nonzeros<TAB>optimum of every instance to run.
awk -F '\t' -v only=",$only," 'NR > 1 && $1 != "" {
        if (only != ",," && index(only, "," $1 ",") == 0) next
        print $1 "\t" $2 "\t" $3 "\t" $4 "\t" $5
    }' "$optima" >"$tmp/instances"
[ -s "$tmp/instances" ] || die "no instances selected from $optima"

find_file() {
    for _f in "$dir/$1.mps.gz" "$dir/$1.mps" "$dir/$1.gz" "$dir/$1"; do
        if [ -f "$_f" ]; then echo "$_f"; return 0; fi
    done
    return 1
}

obj_rhs() {
    [ -f "$constants" ] && awk -F '\t' -v n="$1" 'NR > 1 && $1 == n { print $2; exit }' "$constants"
}

cpu_name=$(awk -F ': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)
glpk_version=$(glpsol --version 2>/dev/null | awk 'NR == 1 { print $NF }')
echo "procopt benchmark: $(awk 'END { print NR }' "$tmp/instances") instances from $dir ($format)"
labels=
for s in $active; do labels="$labels $(label "$s")"; done
echo "optima: $optima; solvers:$labels; repeat $repeat (median)"
if [ $meter = timed_run ]; then
    echo "time limit: ${limit} CPU-seconds per instance and solver (RLIMIT_CPU; a wall-clock guard too),"
    limit_tag=${limit}cpu
else
    echo "time limit: ${limit} s wall-clock per instance and solver (timeout),"
    limit_tag=$limit
fi
echo "the same for every solver, enforced by the driver (stopped at the limit: TIME); cbc"
echo "single-threaded (-threads 0); CPU = user + system of the whole process and its children"
load=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null)
echo "machine: $(nproc 2>/dev/null || echo '?') cpus, ${cpu_name:-unknown cpu}; GLPK ${glpk_version:-?}; load average ${load:-?}"
rev=$(git -C "$root" describe --always --dirty 2>/dev/null)
echo "procopt at git ${rev:-?} ($solve_one${procopt_args:+ $procopt_args}); procopt-raw: $raw_args"
case " $active " in *" peer "*) echo "$peer_name: $peer_cmd (objective convention $conv_peer)" ;; esac
echo "stopwatch: $meter; its overhead ${overhead} s (on true) subtracted from every wall time"
echo

while IFS='	' read -r name trows tcols tnnz opt; do
    file=$(find_file "$name") || { note "$name: no file in $dir, skipped"; continue; }
    # A decompressed copy for the solvers that read no gzip, made before
    # any clock starts.
    plain=$file
    if [ $need_plain = 1 ]; then
        plain=$tmp/$name.mps
        gzip -dcf "$file" >"$plain" 2>/dev/null || { note "$name: cannot read $file, skipped"; continue; }
        mip=0
        if grep -q "INTORG" "$plain"; then mip=1; fi
    else
        mip=0
        if gzip -dcf "$file" 2>/dev/null | grep -q "INTORG"; then mip=1; fi
    fi
    rhs=$(obj_rhs "$name")
    rows=$trows cols=$tcols nnz=$tnnz
    for s in $active; do
        fn=$(echo "$s" | tr - _)
        lab=$(label "$s")
        if [ "$s" = clp ] && [ $mip = 1 ]; then
            printf '%s\t%s\t%s\t%s\t%s\t%s\tn/a\tnan\tnan\tn/a\t-\t-\t-\t%s\n' \
                "$name" "$rows" "$cols" "$nnz" "$mip" "$lab" "$limit_tag" >>"$raw"
            continue
        fi
        : >"$tmp/walls"
        : >"$tmp/cpus"
        i=0
        while [ $i -lt "$repeat" ]; do
            "run_$fn" "$file" "$format" "$tmp/out"
            echo "$wall" >>"$tmp/walls"
            echo "$cpu" >>"$tmp/cpus"
            i=$((i + 1))
            # A second run of what already failed or ran out of time says nothing.
            case $rc in 0) ;; *) break ;; esac
        done
        wall=$(sort -n "$tmp/walls" | awk '{ w[NR] = $1 } END { print w[int((NR + 1) / 2)] }')
        cpu=$(grep -v '^-$' "$tmp/cpus" | sort -n | awk '{ w[NR] = $1 } END { print NR ? w[int((NR + 1) / 2)] : "-" }')
        if [ "$rc" = 124 ]; then
            result="time_limit nan"
        else
            result=$("parse_$fn" "$tmp/out")
        fi
        if [ "$s" = procopt ]; then
            # procopt's own counts of what it read (the table's otherwise).
            sizes=$(awk '/^name=/ { for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
                                    if (v["rows"] != "") print v["rows"], v["cols"], v["nonzeros"]; exit }' "$tmp/out")
            if [ -n "$sizes" ]; then
                rows=${sizes%% *} sizes=${sizes#* }
                cols=${sizes%% *} nnz=${sizes#* }
            fi
        fi
        conv=0
        eval "conv=\$conv_$fn"
        # Verdict: ok, wrong, time, fail (no answer), unchecked (no optimum).
        echo "$result" | awk -v opt="$opt" -v rhs="${rhs:-0}" -v conv="$conv" -v tol="$tol" \
            -v pre="$name	$rows	$cols	$nnz	$mip	$lab" -v wall="$wall" -v rss="$rss" \
            -v cpu="$cpu" -v lim="$limit_tag" '{
                st = $1; obj = $2
                known = opt != "-" && opt != ""
                err = "nan"
                if (st == "optimal" && obj != "nan") {
                    if (known) {
                        x = obj - conv * rhs; d = x - opt; if (d < 0) d = -d
                        a = opt < 0 ? -opt : opt; if (a < 1) a = 1
                        err = sprintf("%.2e", d / a)
                        v = (d / a <= tol) ? "ok" : "wrong"
                    } else v = "unchecked"
                } else if (st == "time_limit") v = "time"
                else if (known && (st == "infeasible" || st == "unbounded" || st == "infeasible_or_unbounded")) v = "wrong"
                else v = "fail"
                print pre "\t" st "\t" obj "\t" err "\t" v "\t" wall "\t" rss "\t" cpu "\t" lim
            }' >>"$raw"
    done
    [ "$plain" = "$file" ] || rm -f "$plain"
    # Progress on a terminal; the raw file so far survives an interruption.
    if [ -t 2 ]; then
        awk -F '\t' -v n="$name" '$1 == n { printf "%s%s %s", (k++ ? ", " : "bench: " n ": "), $6, $10 == "ok" ? $11 "s" : toupper($10) }
                                   END { print "" }' "$raw" >&2
    fi
    [ -z "$out" ] || cp "$raw" "$out"
done <"$tmp/instances"

[ -z "$out" ] || cp "$raw" "$out"

report "$order" "$raw"
status=$?
echo
echo "load average at the end: $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null)"
if [ $status != 0 ]; then
    echo "bench: procopt gave a wrong answer or none (see WRONG/FAIL rows above)" >&2
fi
exit $status
