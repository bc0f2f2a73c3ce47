/*
 * lp_fixtures.h -- small LPs solved by hand and the checks the library
 * suites share (tests/test_solve.c, test_warm.c, test_options.c,
 * test_sensitivity.c, test_scale.c, test_presolve.c, test_instances.c).
 * They fail the running cmocka test on any error, so they are not for
 * threads (tests/test_threads.c builds its own).
 */
#ifndef LP_FIXTURES_H
#define LP_FIXTURES_H

#include "procopt.h"

/*
 * LP "wyndor" (Hillier & Lieberman):
 *   max 3x + 5y  s.t.  c1: x <= 4,  c2: 2y <= 12,  c3: 3x + 2y <= 18,
 *   x, y >= 0.
 * Vertices: (0,0)=0, (4,0)=12, (4,3)=27, (2,6)=36, (0,6)=30 -> optimum
 * x=2, y=6, objective 36.  Activities: c1 = 2, c2 = 12, c3 = 18.
 * Duals: c1 is slack -> 0.  c2, c3 binding: x: 3 = 3*y3,
 * y: 5 = 2*y2 + 2*y3 -> y3 = 1, y2 = 1.5.  (Raising c3's bound to 19
 * gives x = 7/3, objective 37.)  x and y are basic: reduced costs 0.
 */
po_model *wyndor(void);

/*
 * LP "bounded": min x + 2y + 5z + 10  s.t.  r1: x + y + z >= 4,
 *   0 <= x <= 3, y >= 0, z >= 0.
 * Cheapest first: x (cost 1) up to its bound 3, then y (cost 2) for the
 * last unit: x=3, y=1, z=0, objective 3 + 2 + 10 = 15.
 * Dual of r1: y is basic, so 2 = 1 * y_r1 -> y_r1 = 2 (raising r1 to 5
 * costs one more y: +2).  Reduced costs c - a'y: x: 1 - 2 = -1 (nonbasic
 * at its upper bound: raising x by 1 saves 1), y: 0, z: 5 - 2 = 3.
 * For PO_MAXIMIZE the same problem is max -(x + 2y + 5z) - 10: the
 * objective is -15, duals and reduced costs change sign.
 */
po_model *bounded(po_sense sense);

/* po_solve that must succeed (the model's message shown if not). */
po_result *solve_ok(po_model *m, const po_options *o);

/* |got - want| <= tol * max(1, |want|); an infinite `want` must be met
 * exactly. */
void assert_near(double got, double want, double tol, const char *what);

/* $PROCOPT_SAMPLE, else /usr/share/coin/Data/Sample (coinor-libcoinutils-dev). */
const char *sample_dir(void);
/* The sample model NAME.mps (fixed MPS) read, or NULL, with a message,
 * when it is not installed (the caller skips). */
po_model *read_sample(const char *name);

#endif
