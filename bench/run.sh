#!/bin/sh
# bench/run.sh -- time procopt against glpsol (and other solvers) on a set of
# LP/MIP instances, whole process, in one run, and check every objective
# against the set's published optima.  A measurement, not a test: the exit
# status is 1 only when procopt gives a wrong answer (or no answer where an
# optimum is published, other than by running out of time); times never fail.
#
#   sh bench/run.sh [options] [DIR]
#
# DIR: a directory of instances with an OPTIMA.tsv (name, rows, cols,
# nonzeros, optimal_objective, source; tab-separated, one header line).
# Default: $PROCOPT_DATA, else ../shared/data/netlib next to the repository,
# else (with a note) the Debian sample instances, as with --quick.
#
# Options:
#   --quick            the sample instances of coinor-libcoinutils-dev
#                      ($PROCOPT_SAMPLE, default /usr/share/coin/Data/Sample)
#                      checked against bench/sample-optima.tsv
#   --time-limit S     CPU-time limit per instance and solver (default 60; a
#                      wall-clock guard of 4x + 10 s stops a stalled run)
#   --repeat N         run each solver N times, report the median time (default 1)
#   --solvers LIST     comma-separated, in column order (default procopt,glpsol,clp,cbc);
#                      solvers not installed are skipped with a note
#   --format F         mps (fixed) or freemps; default freemps when DIR's name
#                      contains "miplib", else mps
#   --only LIST        comma-separated instance names (default: all in OPTIMA.tsv)
#   --optima FILE      the optima table (default DIR/OPTIMA.tsv)
#   --tolerance T      relative tolerance of the objective check (default 1e-6)
#   --procopt-args A   extra arguments for bench/solve_one (e.g. "--no-presolve")
#   --markdown         print the table as Markdown (for docs/benchmarks.md)
#   --out FILE         keep the raw results (one tab-separated line per
#                      instance and solver) in FILE
#   --report FILE      print the table and summary of such a file again (e.g.
#                      with --markdown) and run nothing
#
# Objective check: rel.err = |x - opt| / max(1, |opt|) on the objective
# without its constant, because published optima exclude it.  Only e226 has
# one (bench/objective-constants.tsv): GLPK (procopt, glpsol) adds the RHS of
# the objective row as the constant, COIN-OR readers (clp, cbc) subtract it,
# so each solver's objective is corrected by its own convention.
#
# Adding a solver (issue 5: lp_solve, a $PROCOPT_PEER_CMD column, ...): write
# avail_NAME (is it installed?), run_NAME FILE FORMAT OUT (run it through
# `timed`), parse_NAME OUT (print "STATUS OBJECTIVE"), set conv_NAME (+1 when
# its objective includes the objective row's RHS as GLPK does, -1 when it
# subtracts it, 0 when it ignores it), and name it in --solvers.
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
sample_dir=${PROCOPT_SAMPLE:-/usr/share/coin/Data/Sample}

quick=0 limit=60 repeat=1 solvers=procopt,glpsol,clp,cbc format='' only=''
optima='' tol=1e-6 procopt_args='' markdown=0 out='' dir='' report_file=''

die() { echo "bench: $*" >&2; exit 2; }
note() { echo "bench: $*" >&2; }

# ---- report --------------------------------------------------------------

# report RAW SOLVERS: the table and the summary of a raw results file
# (exit status 1 when procopt has a WRONG or FAIL row).
report() {
    awk -F '\t' -v md="$markdown" -v order="$2" '
        function cell(v, w) { return md ? v " | " : sprintf("%" w "s ", v) }
        function tcell(i, s,   v) {
            v = verdict[i, s]
            if (v == "") return "-"
            if (v == "ok" || v == "unchecked") return sprintf("%.3f", wall[i, s])
            return v
        }
        {
            if (!((($1) in seen))) { seen[$1] = 1; inst[++ni] = $1 }
            rows[$1] = $2; cols[$1] = $3
            status[$1, $6] = $7; obj[$1, $6] = $8; err[$1, $6] = $9
            verdict[$1, $6] = $10; wall[$1, $6] = $11; rss[$1, $6] = $12
        }
        END {
            ns = split(order, sv, " ")
            hasg = 0; for (k = 1; k <= ns; k++) if (sv[k] == "glpsol") hasg = 1
            hasp = 0; for (k = 1; k <= ns; k++) if (sv[k] == "procopt") hasp = 1
            # Header.
            line = md ? "| " : ""
            line = line cell("instance", -10) cell("rows", 6) cell("cols", 6)
            for (k = 1; k <= ns; k++) line = line cell(sv[k] " s", 10)
            if (hasp && hasg) line = line cell("ratio", 6)
            if (hasp) line = line cell("objective", 22) cell("rel.err", 8) cell("check", 6)
            print line
            if (md) {
                line = "|---|--:|--:|"
                for (k = 1; k <= ns; k++) line = line "--:|"
                if (hasp && hasg) line = line "--:|"
                if (hasp) line = line "--:|--:|---|"
                print line
            }
            for (n = 1; n <= ni; n++) {
                i = inst[n]
                line = md ? "| " : ""
                line = line cell(i, -10) cell(rows[i], 6) cell(cols[i], 6)
                for (k = 1; k <= ns; k++) line = line cell(tcell(i, sv[k]), 10)
                if (hasp && hasg) {
                    r = "-"
                    if (verdict[i, "procopt"] == "ok" && verdict[i, "glpsol"] == "ok")
                        {
                    r = wall[i, "procopt"] / wall[i, "glpsol"]
                    r = sprintf(r < 0.095 ? "%.3f" : "%.2f", r)
                }
                    line = line cell(r, 6)
                }
                if (hasp) {
                    v = verdict[i, "procopt"]
                    o = obj[i, "procopt"]
                    if (o == "nan" || o == "") o = status[i, "procopt"]
                    else o = sprintf("%.12g", o)
                    e = err[i, "procopt"]; if (e == "nan") e = "-"
                    line = line cell(o, 22) cell(e, 8) cell(v == "ok" ? "ok" : toupper(v), 6)
                }
                print line
            }
            if (hasp) {
                print ""
                print "Times: whole-process wall seconds (median of the repeats); ratio = procopt/glpsol;"
                print "objective is procopt'"'"'s as reported (with any objective constant); rel.err takes the"
                print "constant out by each solver'"'"'s convention (bench/objective-constants.tsv)."
            }
            # Summary, one line per solver.
            print ""
            if (md) print "```"
            printf "%-8s %8s %6s %5s %5s %11s %9s %18s %9s\n", "solver", "solved", "wrong", "fail",
                   "time", "max.rel.err", "total s", "geomean vs glpsol", "peak MB"
            for (k = 1; k <= ns; k++) {
                s = sv[k]; ok = wr = fa = tl = tot = 0; mx = 0; lg = 0; nr = 0; pk = 0; cnt = 0
                for (n = 1; n <= ni; n++) {
                    i = inst[n]; v = verdict[i, s]
                    if (v == "n/a" || v == "") continue
                    cnt++
                    if (v == "ok" || v == "unchecked") ok++
                    else if (v == "wrong") wr++
                    else if (v == "time") tl++
                    else fa++
                    if (err[i, s] != "nan" && err[i, s] + 0 > mx) mx = err[i, s] + 0
                    tot += wall[i, s]
                    if (rss[i, s] != "-" && rss[i, s] + 0 > pk) pk = rss[i, s] + 0
                    if (hasg && v == "ok" && verdict[i, "glpsol"] == "ok") {
                        lg += log(wall[i, s] / wall[i, "glpsol"]); nr++
                    }
                }
                gm = nr ? sprintf("%.3f (%d)", exp(lg / nr), nr) : "-"
                printf "%-8s %8s %6d %5d %5d %11.1e %9.2f %18s %9s\n", s, ok "/" cnt, wr, fa, tl, mx,
                       tot, gm, pk ? sprintf("%.1f", pk / 1024) : "-"
                if (s == "procopt") {
                    psum = sprintf("procopt: %d of %d solved, %d wrong, %d failed, %d over the time limit; largest relative error %.1e; geometric-mean time ratio procopt/glpsol %s",
                                   ok, cnt, wr, fa, tl, mx, nr ? sprintf("%.3f over %d instances", exp(lg / nr), nr) : "-")
                    bad = wr + fa
                }
            }
            if (hasp) { print ""; print psum }
            if (md) print "```"
            exit (bad ? 1 : 0)
        }' "$1"
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
    --markdown) markdown=1 ;;
    --out) [ $# -ge 2 ] || die "$1 needs a value"; out=$2; shift ;;
    --report) [ $# -ge 2 ] || die "$1 needs a value"; report_file=$2; shift ;;
    -h|--help) sed -n '2,/^# Copyright/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) [ -z "$dir" ] || die "only one directory"; dir=$1 ;;
    esac
    shift
done

case $limit in ''|*[!0-9.]*) die "--time-limit: not a number: $limit" ;; esac
# ulimit -t takes whole seconds (rounded up); the wall guard is generous.
cpu_limit=$(awk -v l="$limit" 'BEGIN { c = int(l); if (c < l) c++; if (c < 1) c = 1; print c }')
guard=$(awk -v c="$cpu_limit" 'BEGIN { print 4 * c + 10 }')
case $repeat in ''|*[!0-9]*|0) die "--repeat: not a positive integer: $repeat" ;; esac
case $format in ''|mps|freemps) ;; *) die "--format: mps or freemps, not $format" ;; esac

if [ -n "$report_file" ]; then
    [ -f "$report_file" ] || die "$report_file: no such file"
    report "$report_file" "$(awk -F '\t' '!seen[$6]++ { printf " %s", $6 }' "$report_file")"
    exit $?
fi

if [ $quick = 1 ]; then
    [ -z "$dir" ] || die "--quick takes no directory"
    dir=$sample_dir
    [ -n "$optima" ] || optima=$here/sample-optima.tsv
elif [ -z "$dir" ]; then
    dir=${PROCOPT_DATA:-$root/../shared/data/netlib}
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
if [ -z "$format" ]; then
    case $(basename "$dir") in *miplib*) format=freemps ;; *) format=mps ;; esac
fi
constants=$here/objective-constants.tsv

tmp=$(mktemp -d "${TMPDIR:-/tmp}/procopt-bench.XXXXXX") || die "mktemp failed"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
raw=$tmp/raw.tsv
: >"$raw"

have_gnu_time=0
if [ -x /usr/bin/time ] && /usr/bin/time -f %M -o "$tmp/t" true 2>/dev/null; then
    have_gnu_time=1
fi
command -v timeout >/dev/null 2>&1 || die "timeout (coreutils) is needed"

# timed OUT CMD...: run CMD under the time limit, stdout and stderr to OUT.
# The limit is on CPU seconds (ulimit -t: SIGXCPU, then SIGKILL), so that a
# solver run on a loaded machine gets the same work done before it is
# stopped as one run alone; a wall-clock guard of 4x the limit + 10 s stops
# anything that sleeps.  Every solver is single-threaded here.
# Sets rc (152/137 when the CPU limit hit, 124 when the wall guard did), wall (seconds, the
# wrapper's own cost subtracted) and rss (peak resident set, kB, or -).
timed() {
    _out=$1
    shift
    _t0=$(date +%s%N)
    if [ $have_gnu_time = 1 ]; then
        /usr/bin/time -f %M -o "$tmp/rss" timeout -k 5 "$guard" \
            sh -c 'ulimit -t "$0" && exec "$@"' "$cpu_limit" "$@" >"$_out" 2>&1
        rc=$?
    else
        timeout -k 5 "$guard" sh -c 'ulimit -t "$0" && exec "$@"' "$cpu_limit" "$@" >"$_out" 2>&1
        rc=$?
    fi
    _t1=$(date +%s%N)
    wall=$(awk -v a="$_t0" -v b="$_t1" -v o="${overhead:-0}" \
        'BEGIN { w = (b - a) / 1e9 - o; if (w < 1e-4) w = 1e-4; printf "%.4f", w }')
    rss=-
    if [ $have_gnu_time = 1 ] && [ -s "$tmp/rss" ]; then
        rss=$(tail -n 1 "$tmp/rss")
        case $rss in ''|*[!0-9]*) rss=- ;; esac
    fi
}

# The fixed cost of date + time + timeout + exec, measured on `true`, is
# taken off every time so that tiny instances compare the solvers, not the
# wrapper.  The minimum of several runs: other load only ever adds to it.
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

# cbc (LPs and MIPs; single-threaded, its default).
conv_cbc=-1
avail_cbc() { command -v cbc >/dev/null 2>&1; }
run_cbc() { timed "$3" cbc "$1" -solve -quit; }
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

# ---- instances -----------------------------------------------------------

solver_words=$(echo "$solvers" | tr ',' ' ')
active=
for s in $solver_words; do
    if ! command -v "avail_$s" >/dev/null 2>&1; then
        die "unknown solver $s"
    fi
    if "avail_$s"; then
        active="$active $s"
    else
        case $s in
        procopt) note "procopt skipped: $solve_one not built (make bench builds it)" ;;
        *) note "$s skipped: not installed" ;;
        esac
    fi
done

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

cpu=$(awk -F ': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)
glpk_version=$(glpsol --version 2>/dev/null | awk 'NR == 1 { print $NF }')
echo "procopt benchmark: $(awk 'END { print NR }' "$tmp/instances") instances from $dir ($format)"
echo "optima: $optima; solvers:$active; CPU time limit ${limit} s (wall guard ${guard} s); repeat $repeat (median)"
load=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null)
echo "machine: $(nproc 2>/dev/null || echo '?') cpus, ${cpu:-unknown cpu}; GLPK ${glpk_version:-?}; load average ${load:-?}"
rev=$(git -C "$root" describe --always --dirty 2>/dev/null)
echo "procopt at git ${rev:-?} ($solve_one${procopt_args:+ $procopt_args})"
echo "wrapper overhead ${overhead} s (date + time + timeout on true) subtracted from every time"
echo

while IFS='	' read -r name trows tcols tnnz opt; do
    file=$(find_file "$name") || { note "$name: no file in $dir, skipped"; continue; }
    mip=0
    if gzip -dcf "$file" 2>/dev/null | grep -q "INTORG"; then mip=1; fi
    rhs=$(obj_rhs "$name")
    rows=$trows cols=$tcols nnz=$tnnz
    for s in $active; do
        if [ "$s" = clp ] && [ $mip = 1 ]; then
            printf '%s\t%s\t%s\t%s\t%s\t%s\tn/a\tnan\tnan\tn/a\t-\t-\n' \
                "$name" "$rows" "$cols" "$nnz" "$mip" "$s" >>"$raw"
            continue
        fi
        : >"$tmp/walls"
        i=0
        while [ $i -lt "$repeat" ]; do
            "run_$s" "$file" "$format" "$tmp/out"
            echo "$wall" >>"$tmp/walls"
            i=$((i + 1))
            # A second run of what already failed or ran out of time says nothing.
            case $rc in 0) ;; *) break ;; esac
        done
        wall=$(sort -n "$tmp/walls" | awk '{ w[NR] = $1 } END { print w[int((NR + 1) / 2)] }')
        if [ "$rc" = 124 ] || [ "$rc" = 137 ] || [ "$rc" = 152 ]; then
            result="time_limit nan"
        else
            result=$("parse_$s" "$tmp/out")
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
        eval "conv=\$conv_$s"
        # Verdict: ok, wrong, time, fail (no answer), unchecked (no optimum).
        echo "$result" | awk -v opt="$opt" -v rhs="${rhs:-0}" -v conv="$conv" -v tol="$tol" \
            -v pre="$name	$rows	$cols	$nnz	$mip	$s" -v wall="$wall" -v rss="$rss" '{
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
                print pre "\t" st "\t" obj "\t" err "\t" v "\t" wall "\t" rss
            }' >>"$raw"
    done
done <"$tmp/instances"

[ -z "$out" ] || cp "$raw" "$out"

report "$raw" "$active"
status=$?
if [ $status != 0 ]; then
    echo "bench: procopt gave a wrong answer or none (see WRONG/FAIL rows above)" >&2
fi
exit $status
