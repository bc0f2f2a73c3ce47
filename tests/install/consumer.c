/* A program outside the tree, built only from the installed header and
 * pkg-config flags: max 3x + 2y s.t. x + y <= 4, x + 3y <= 6, x <= 3.
 * By hand: the optimum is at x = 3, y = 1 (x + y = 4 binding, x = 3 binding),
 * objective 11. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <procopt.h>

int main(void)
{
    if (strcmp(po_version(), PO_VERSION_STRING) != 0) {
        fprintf(stderr, "header %s, library %s\n", PO_VERSION_STRING, po_version());
        return 1;
    }
    po_model *m = po_model_new();
    int x, y;
    int idx[2];
    double a[2] = {1, 1}, b[2] = {1, 3};
    if (!m || po_model_add_var(m, "x", 0, 3, 3, PO_CONTINUOUS, &x) != PO_OK ||
        po_model_add_var(m, "y", 0, PO_INF, 2, PO_CONTINUOUS, &y) != PO_OK)
        return 1;
    idx[0] = x;
    idx[1] = y;
    if (po_model_add_constr(m, "c1", -PO_INF, 4, 2, idx, a, NULL) != PO_OK ||
        po_model_add_constr(m, "c2", -PO_INF, 6, 2, idx, b, NULL) != PO_OK ||
        po_model_set_sense(m, PO_MAXIMIZE) != PO_OK)
        return 1;
    po_result *r = NULL;
    if (po_solve(m, NULL, &r) != PO_OK) {
        fprintf(stderr, "solve: %s\n", po_model_errmsg(m));
        return 1;
    }
    int ok = po_result_outcome(r) == PO_OUTCOME_OPTIMAL &&
             fabs(po_result_objective(r) - 11.0) < 1e-9;
    printf("procopt %s: %s %.6g\n", po_version(),
           po_outcome_name(po_result_outcome(r)), po_result_objective(r));
    po_result_free(r);
    po_model_free(m);
    return ok ? 0 : 1;
}
