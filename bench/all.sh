#!/bin/sh
# bench/all.sh -- the whole benchmark suite in one go (make bench): every
# set one after the other, raw results and a Markdown report in one
# directory.  A measurement, not a test: the exit status is 1 only when
# procopt gave a wrong answer somewhere (bench/run.sh's rule), never
# because of a time.
#
#   sh bench/all.sh [--data DIR] [--results DIR] [--sets LIST]
#                   [--time-limit S] [RUN.SH OPTIONS...]
#
#   --data DIR      the data directory with netlib/ and miplib3/ (default
#                   $PROCOPT_DATA, else ../shared/data next to the
#                   repository); a set that is missing is skipped with a
#                   note.  A DIR that is itself a set (it has OPTIMA.tsv)
#                   is run alone.
#   --results DIR   where everything goes (default $PROCOPT_BUILD/bench-results,
#                   make bench: $(BUILD)/bench-results):
#                     netlib.tsv, netlib.txt      bench/run.sh --out, its output
#                     miplib3.tsv, miplib3.txt
#                     process/, process.txt       bench/process_sweep.sh --out
#                     build_vs_glpk.txt, .err     $PROCOPT_BUILD/bench/build_vs_glpk --header
#                     report.md                   all of it as Markdown
#   --sets LIST     comma-separated, any of netlib,miplib3,process,build
#                   (default all four, in that order)
#   --time-limit S  per instance and solver, every solver the same (default 60)
#   other options   passed to every bench/run.sh call (--repeat 3,
#                   --only a,b, --solvers ..., see sh bench/run.sh --help)
#
# The sets:
#   netlib    fixed MPS, every solver: procopt, procopt-raw, glpsol, clp,
#             cbc, lp_solve and $PROCOPT_PEER_CMD (see bench/run.sh)
#   miplib3   free MPS, the same limit for every solver, cbc single-threaded;
#             clp is left out (it would solve the LP relaxations)
#   process   generated process models of growing size against the peers
#             (LP and MIP, 1e3 to 1e6 nonzeros; its own time limits):
#             sh bench/process_sweep.sh --out DIR/process [--process-args],
#             its output kept in process.txt
#   --process-args A  more options for bench/process_sweep.sh (one string:
#             e.g. "--sizes 1e3,1e4 --mip-sizes 1e3")
#   build     the model-building curve: $PROCOPT_BUILD/bench/build_vs_glpk,
#             when built (make bench builds every bench/*.c), its output in
#             build_vs_glpk.txt
#
# Copyright (C) 2026 the procopt developers.  GPL-3.0-or-later.

set -u
LC_ALL=C
export LC_ALL

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${PROCOPT_BUILD:-$root/build}
export PROCOPT_BUILD="$build"

data=${PROCOPT_DATA:-$root/../shared/data}
results=$build/bench-results
sets=netlib,miplib3,process,build
limit=60

die() { echo "bench/all: $*" >&2; exit 2; }
note() { echo "bench/all: $*" >&2; }

# Options for run.sh: a string of words (their values have no blanks);
# --procopt-args and --raw-args values go to run.sh as one word each.
pass=
while [ $# -gt 0 ]; do
    case $1 in
    --data) [ $# -ge 2 ] || die "$1 needs a value"; data=$2; shift ;;
    --results) [ $# -ge 2 ] || die "$1 needs a value"; results=$2; shift ;;
    --sets) [ $# -ge 2 ] || die "$1 needs a value"; sets=$2; shift ;;
    --time-limit) [ $# -ge 2 ] || die "$1 needs a value"; limit=$2; shift ;;
    -h|--help) sed -n '2,/^# Copyright/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    --process-args) [ $# -ge 2 ] || die "$1 needs a value"; process_args=$2; shift ;;
    --procopt-args|--raw-args)
        [ $# -ge 2 ] || die "$1 needs a value"
        case $1 in --procopt-args) procopt_args=$2 ;; *) raw_args=$2 ;; esac
        shift ;;
    --quick|--report|--out|--markdown|--format|--optima) die "$1: use bench/run.sh directly" ;;
    --*)
        case $1 in
        --repeat|--solvers|--only|--tolerance|--times)
            [ $# -ge 2 ] || die "$1 needs a value"
            case $2 in *[[:space:]]*) die "$1: no blanks in the value" ;; esac
            pass="$pass $1 $2"; shift ;;
        *) die "unknown option $1 (see --help)" ;;
        esac ;;
    *) die "unexpected argument $1 (see --help)" ;;
    esac
    shift
done
case $limit in ''|*[!0-9]*|0) die "--time-limit: not a positive whole number of seconds: $limit" ;; esac
for set in $(echo "$sets" | tr ',' ' '); do
    case $set in netlib|miplib3|process|build) ;; *) die "--sets: unknown set $set (netlib, miplib3, process, build)" ;; esac
done
procopt_args=${procopt_args:-}
process_args=${process_args:-}
raw_args=${raw_args:-}

[ -x "$build/bench/solve_one" ] ||
    die "$build/bench/solve_one is not built: make bench, or make BUILD=DIR all DIR/bench/solve_one DIR/bench/timed_run and PROCOPT_BUILD=DIR"
[ ! -d "$data" ] || data=$(cd "$data" && pwd)
mkdir -p "$results" || die "cannot create $results"
results=$(cd "$results" && pwd)
report=$results/report.md
status=0

loadavg() { cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo '?'; }

# run_set NAME DIR [OPTIONS...]: bench/run.sh on one set, then its report.
run_set() {
    _name=$1 _dir=$2
    shift 2
    _l0=$(loadavg)
    _t0=$(date +%s)
    echo "== $_name: $_dir"
    set -- "$@" --time-limit "$limit" --out "$results/$_name.tsv"
    [ -z "$procopt_args" ] || set -- "$@" --procopt-args "$procopt_args"
    [ -z "$raw_args" ] || set -- "$@" --raw-args "$raw_args"
    # shellcheck disable=SC2086  # pass: a list of words
    sh "$here/run.sh" $pass "$@" "$_dir" >"$results/$_name.txt" 2>&1
    _rc=$?
    _t1=$(date +%s)
    sed -n '/^solver /,$p' "$results/$_name.txt"
    _shown=
    for _w in "$@"; do
        case $_w in *[[:space:]]*) _shown="$_shown \"$_w\"" ;; *) _shown="$_shown $_w" ;; esac
    done
    {
        echo "## $_name"
        echo
        echo "Command: \`sh bench/run.sh$pass$_shown $_dir\`;"
        echo "$((_t1 - _t0)) s in all; load average $_l0 before, $(loadavg) after."
        echo
        sed -n '/^procopt benchmark/,/^$/p' "$results/$_name.txt" | sed '/^$/d; s/^/    /'
        echo
        if [ -s "$results/$_name.tsv" ]; then
            sh "$here/run.sh" --report "$results/$_name.tsv" --markdown
        else
            echo "No results: see $_name.txt."
        fi
        echo
    } >>"$report"
    case $_rc in
    0) ;;
    1) status=1; note "$_name: procopt gave a wrong answer or none (see $results/$_name.txt)" ;;
    *) status=1; note "$_name: bench/run.sh failed (status $_rc, see $results/$_name.txt)" ;;
    esac
}

# skipped NAME WHY: a note on the terminal and in the report.
skipped() {
    note "$1 skipped: $2"
    printf '## %s\n\nSkipped: %s\n\n' "$1" "$2" >>"$report"
}

{
    echo "# procopt benchmark results"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'); procopt at git $(git -C "$root" describe --always --dirty 2>/dev/null || echo '?');"
    echo "$(nproc 2>/dev/null || echo '?') cpus, $(awk -F ': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null);"
    echo "GLPK $(glpsol --version 2>/dev/null | awk 'NR == 1 { print $NF }'); load average $(loadavg) at the start."
    echo "Command: \`sh bench/all.sh --sets $sets --time-limit $limit$pass${procopt_args:+ --procopt-args \"$procopt_args\"}${raw_args:+ --raw-args \"$raw_args\"}\` (data: $data)."
    echo
} >"$report"

single=0
if [ -f "$data/OPTIMA.tsv" ]; then single=1; fi

for set in $(echo "$sets" | tr ',' ' '); do
    case $set in
    netlib|miplib3)
        if [ $single = 1 ]; then
            # A set directory given as the data: run it once, by its own name.
            [ "$set" = netlib ] || continue
            name=$(basename "$data")
            case $name in
            *miplib*) run_set "$name" "$data" --solvers procopt,procopt-raw,glpsol,cbc,lp_solve,peer ;;
            *) run_set "$name" "$data" ;;
            esac
            continue
        fi
        if [ ! -f "$data/$set/OPTIMA.tsv" ]; then
            skipped "$set" "no $data/$set/OPTIMA.tsv"
            continue
        fi
        case $set in
        netlib) run_set netlib "$data/netlib" ;;
        miplib3) run_set miplib3 "$data/miplib3" --solvers procopt,procopt-raw,glpsol,cbc,lp_solve,peer ;;
        esac
        ;;
    process)
        if [ ! -f "$here/process_sweep.sh" ]; then
            skipped process "bench/process_sweep.sh does not exist yet"
            continue
        fi
        echo "== process: sh bench/process_sweep.sh --out $results/process $process_args"
        _l0=$(loadavg)
        _t0=$(date +%s)
        # shellcheck disable=SC2086  # process_args: a list of words
        sh "$here/process_sweep.sh" --out "$results/process" $process_args >"$results/process.txt" 2>&1
        _rc=$?
        _t1=$(date +%s)
        tail -n 20 "$results/process.txt"
        {
            echo "## process"
            echo
            echo "Command: \`sh bench/process_sweep.sh --out $results/process${process_args:+ $process_args}\` (exit status $_rc);"
            echo "$((_t1 - _t0)) s in all; load average $_l0 before, $(loadavg) after."
            echo
            echo '```'
            # Its own report when it wrote one (no progress notes), else its output.
            if [ -s "$results/process/report.txt" ]; then
                cat "$results/process/report.txt"
            else
                cat "$results/process.txt"
            fi
            echo '```'
            echo
        } >>"$report"
        case $_rc in
        0) ;;
        1) status=1; note "process: procopt gave a wrong answer or none (see $results/process.txt)" ;;
        *) status=1; note "process: bench/process_sweep.sh failed (status $_rc, see $results/process.txt)" ;;
        esac
        ;;
    build)
        prog=$build/bench/build_vs_glpk
        if [ ! -x "$prog" ]; then
            if [ -f "$here/build_vs_glpk.c" ]; then
                skipped build "$prog is not built (make BUILD=... $prog)"
            else
                skipped build "bench/build_vs_glpk.c does not exist yet"
            fi
            continue
        fi
        echo "== build: $prog"
        _l0=$(loadavg)
        _t0=$(date +%s)
        # Its progress notes go to stderr, kept apart from the table.
        "$prog" --header >"$results/build_vs_glpk.txt" 2>"$results/build_vs_glpk.err"
        _rc=$?
        _t1=$(date +%s)
        tail -n 20 "$results/build_vs_glpk.txt"
        {
            echo "## build"
            echo
            echo "Command: \`$prog --header\` (exit status $_rc); $((_t1 - _t0)) s in all; load average $_l0 before, $(loadavg) after."
            echo
            echo '```'
            cat "$results/build_vs_glpk.txt"
            echo '```'
            echo
        } >>"$report"
        [ $_rc = 0 ] || { status=1; note "build: status $_rc (see $results/build_vs_glpk.err)"; }
        ;;
    esac
done

echo "bench/all: results in $results (report.md)"
exit $status
