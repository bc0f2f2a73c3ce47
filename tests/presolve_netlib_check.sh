#!/bin/sh
# presolve_netlib_check.sh -- procopt's presolve (options.reductions)
# against the published optima of netlib and MIPLIB 3, and its timing
# against the other settings of procopt's and GLPK's presolvers.
#
# Not a unit test: it needs ../shared/data (absent in CI), and make check
# (which runs tests/*.sh) gets only the note below.  Run it by hand:
#
#   sh tests/presolve_netlib_check.sh --set netlib
#   sh tests/presolve_netlib_check.sh --set miplib3 --time-limit 60
#   sh tests/presolve_netlib_check.sh --set netlib --configs "0x1ff:1 0:1 0x1ff:0 0:0"
#
# Options:
#   --set netlib|miplib3|DIR  the instances (DIR holds OPTIMA.tsv and the
#                             files; netlib: NAME.mps.gz read as fixed MPS,
#                             miplib3: NAME.gz read as free MPS)
#   --configs "R:G ..."       settings, each options.reductions (R, any C
#                             integer) and options.presolve (G); default
#                             0x1ff:1 (procopt's reductions on, GLPK's
#                             presolver on)
#   --time-limit S            per solve (default 60)
#   --repeat N                solves per setting, the fastest counts
#                             (default 1; solves under 0.2 s are repeated
#                             up to 5 times anyway)
#   --only a,b,c              these instances only
#   --out FILE                raw lines (one per instance and setting)
# Environment: PROCOPT_BUILD (the build with libprocopt.a; default build/),
# PROCOPT_DATA (default ../shared/data beside the source tree), CC.
#
# Per instance and setting: status, objective, relative error against
# OPTIMA.tsv (|obj - constant - opt| / max(1, |opt|), the constant being
# the objective constant as GLPK reads it: e226's -7.113, which the
# published optimum leaves out), solve seconds, simplex iterations, B&B
# nodes, the largest bound or row violation of the values (pinf), the
# largest complementary-slackness violation of the duals (dinf, LPs), and
# the iterations po_solve_warm needs from the result's basis (LPs; 0 when
# the postsolved basis is optimal for the model itself, - without one).
# Verdicts: ok (optimal, rel.err <= 1e-6), WRONG (another optimum, or
# infeasible/unbounded where an optimum is published, or a MIP incumbent
# better than the optimum), TIME (limit reached), FAIL (error).  Summary
# per setting: counts, the geometric mean of the time against the first
# setting over the instances both solved.  Exit status 1 when any setting
# has a WRONG or FAIL row.
set -eu

if [ $# -eq 0 ]; then
  echo "presolve_netlib_check: a benchmark over ../shared/data, not run by make check;"
  echo "  run: sh tests/presolve_netlib_check.sh --set netlib (or --set miplib3)"
  exit 0
fi

src=$(cd "$(dirname "$0")/.." && pwd)
build=${PROCOPT_BUILD:-$src/build}
data=${PROCOPT_DATA:-$src/../shared/data}
cc=${CC:-cc}
set_name=netlib
configs="0x1ff:1"
tlim=60
repeat=1
only=""
out=""
while [ $# -gt 0 ]; do
  case $1 in
    --set) set_name=$2; shift 2 ;;
    --configs) configs=$2; shift 2 ;;
    --time-limit) tlim=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "presolve_netlib_check: unknown option $1" >&2; exit 2 ;;
  esac
done
case $set_name in
  netlib) dir=$data/netlib; fmt=mps; suffix=.mps.gz ;;
  miplib3) dir=$data/miplib3; fmt=freemps; suffix=.gz ;;
  *) dir=$set_name; fmt=freemps; suffix=.gz
     [ -e "$dir/$(awk -F'\t' 'NR == 2 {print $1}' "$dir/OPTIMA.tsv").mps.gz" ] &&
       { fmt=mps; suffix=.mps.gz; } ;;
esac
[ -f "$dir/OPTIMA.tsv" ] || { echo "presolve_netlib_check: no $dir/OPTIMA.tsv" >&2; exit 2; }
[ -f "$build/libprocopt.a" ] || { echo "presolve_netlib_check: no $build/libprocopt.a (run make)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

cat > "$tmp/pscheck.c" <<'EOF'
/* One instance, several settings: one line per setting (see the script). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "procopt.h"

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static void kkt(const po_model *m, const po_result *r, double *pinf,
                double *dinf)
{
    int n = po_model_num_vars(m), mm = po_model_num_constrs(m);
    const double *x = po_result_values(r), *act = po_result_row_activities(r);
    const double *y = po_result_duals(r), *d = po_result_reduced_costs(r);
    double s = po_model_sense(m) == PO_MAXIMIZE ? -1 : 1;
    *pinf = *dinf = 0;
    if (x == NULL)
        return;
    for (int k = 0; k < n + mm; k++) {
        int col = k < n;
        double v = col ? x[k] : act[k - n];
        double l = col ? po_model_var_lb(m, k) : po_model_constr_lb(m, k - n);
        double u = col ? po_model_var_ub(m, k) : po_model_constr_ub(m, k - n);
        *pinf = fmax(*pinf, fmax(l - v, v - u) / fmax(1, fabs(v)));
        if (y == NULL)
            continue;
        double dual = s * (col ? d[k] : y[k - n]);
        double tol = 1e-7 * fmax(1, fabs(v));
        if (dual > 0 && !(fabs(v - l) <= tol))
            *dinf = fmax(*dinf, dual);
        if (dual < 0 && !(fabs(v - u) <= tol))
            *dinf = fmax(*dinf, -dual);
    }
}

int main(int argc, char **argv)
{
    if (argc < 7)
        return 2;
    const char *path = argv[1], *name = argv[2];
    po_format fmt;
    if (po_format_parse(argv[3], &fmt) != PO_OK)
        return 2;
    double tl = atof(argv[4]);
    int repeat = atoi(argv[5]);
    po_model *m = po_model_new();
    if (m == NULL || po_model_read(m, path, fmt, NULL) != PO_OK) {
        fprintf(stderr, "%s: %s\n", name, m ? po_model_errmsg(m) : "no memory");
        printf("%s - read_error\n", name);
        po_model_free(m);
        return 0;
    }
    for (int k = 6; k < argc; k++) {
        int red = 0, glp = 1;
        if (sscanf(argv[k], "%i:%d", &red, &glp) != 2)
            return 2;
        po_options o;
        po_options_init(&o);
        o.reductions = red;
        o.presolve = glp;
        o.time_limit = tl;
        double best = INFINITY;
        po_result *r = NULL;
        for (int t = 0; t < repeat || (t < 5 && best * (t + 1) < 0.2); t++) {
            po_result_free(r);
            r = NULL;
            double t0 = now();
            if (po_solve(m, &o, &r) != PO_OK) {
                fprintf(stderr, "%s: %s\n", name, po_model_errmsg(m));
                break;
            }
            best = fmin(best, now() - t0);
        }
        if (r == NULL) {
            printf("%s %s error\n", name, argv[k]);
            continue;
        }
        double pinf, dinf;
        kkt(m, r, &pinf, &dinf);
        long warm = -1;
        if (po_result_has_basis(r) && !po_result_is_mip(r)) {
            po_result *w = NULL;
            po_options ow;
            po_options_init(&ow);
            if (po_solve_warm(m, &ow, r, &w) == PO_OK &&
                po_result_warm_started(w))
                warm = po_result_iterations(w);
            po_result_free(w);
        }
        printf("%s %s %s %.17g %.17g %.6f %ld %ld %.1e %.1e %ld %d\n", name,
               argv[k], po_outcome_name(po_result_outcome(r)),
               po_result_objective(r), po_model_obj_constant(m), best,
               po_result_iterations(r), po_result_nodes(r), pinf, dinf, warm,
               po_result_is_mip(r));
        fflush(stdout);
        po_result_free(r);
    }
    po_model_free(m);
    return 0;
}
EOF
blas=$(pkg-config --libs openblas 2>/dev/null || echo -lopenblas)
json=$(pkg-config --libs jansson 2>/dev/null || echo -ljansson)
# shellcheck disable=SC2086
$cc -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -I"$src/include" -o "$tmp/pscheck" \
    "$tmp/pscheck.c" "$build/libprocopt.a" -lglpk $blas $json -lz -lm -pthread

raw=${out:-$tmp/raw}
: > "$raw"
# shellcheck disable=SC2086
awk -F'\t' 'NR > 1 {print $1, $5}' "$dir/OPTIMA.tsv" | while read -r name opt; do
  if [ -n "$only" ]; then
    case ",$only," in *",$name,"*) ;; *) continue ;; esac
  fi
  file=$dir/$name$suffix
  [ -f "$file" ] || { echo "$name - missing" >> "$raw"; continue; }
  # the solver's own limit, plus room for reading and every setting
  limit=$(awk -v t="$tlim" -v n="$(echo $configs | wc -w)" 'BEGIN {print int((t + 30) * n * 2 + 60)}')
  if timeout "$limit" "$tmp/pscheck" "$file" "$name" "$fmt" "$tlim" "$repeat" $configs \
       > "$tmp/one" 2>>"$tmp/err"; then :; else echo "$name - killed" >> "$tmp/one"; fi
  awk -v opt="$opt" '{print $0, opt}' "$tmp/one" >> "$raw"
  awk '{printf "%s %s %s %s %ss\n", $1, $2, $3, $4, $6}' "$tmp/one" >&2
done

awk -v configs="$configs" '
function verdict(st, obj, con, opt, mip,   rel) {
  if (st == "error" || st == "read_error" || st == "killed" || st == "numerical_failure") return "FAIL"
  if (opt == "-" || opt == "") return (st == "optimal") ? "ok?" : "TIME"
  rel = obj - con - opt; if (rel < 0) rel = -rel
  d = opt; if (d < 0) d = -d; if (d < 1) d = 1; rel = rel / d
  if (st == "optimal") return (rel <= 1e-6) ? "ok" : "WRONG"
  if (st == "infeasible" || st == "unbounded" || st == "infeasible_or_unbounded") return "WRONG"
  if (mip && obj == obj && obj - con < opt - 1e-6 * d) return "WRONG"
  return "TIME"
}
BEGIN { nc = split(configs, cf, " ") }
NF >= 13 {
  name = $1; c = $2; v = verdict($3, $4, $5, $13, $12)
  rel = "-"
  if ($13 != "-" && $4 == $4 + 0) { d = $13 < 0 ? -$13 : $13; if (d < 1) d = 1; e = $4 - $5 - $13; if (e < 0) e = -e; rel = sprintf("%.1e", e / d) }
  printf "%-10s %-8s %-17s %-22.15g %-8s %9.3f %8d %7d %8s %8s %5s  %s\n", name, c, $3, $4, rel, $6, $7, $8, $9, $10, ($11 < 0 ? "-" : $11), v
  cnt[c, v]++; t[name, c] = (v == "ok") ? $6 : -1; names[name] = 1
  if (v == "ok" && $11 > 0) warmbad[c]++
  next
}
{ printf "%-10s %-8s %s  FAIL\n", $1, $2, $3
  if ($2 == "-") { for (k = 1; k <= nc; k++) cnt[cf[k], "FAIL"]++ } else cnt[$2, "FAIL"]++ }
END {
  print ""
  for (k = 1; k <= nc; k++) {
    c = cf[k]; s = 0; n = 0
    for (nm in names) if (t[nm, c] > 0 && t[nm, cf[1]] > 0) { s += log(t[nm, c] / t[nm, cf[1]]); n++ }
    printf "setting %-8s ok %3d  WRONG %2d  FAIL %2d  TIME %3d  unknown-optimum %2d  warm-start>0 %2d  geomean time vs %s: %.3f over %d\n",
      c, cnt[c, "ok"], cnt[c, "WRONG"], cnt[c, "FAIL"], cnt[c, "TIME"], cnt[c, "ok?"], warmbad[c], cf[1], n ? exp(s / n) : 0, n
    bad += cnt[c, "WRONG"] + cnt[c, "FAIL"]
  }
  exit bad > 0
}' "$raw"
