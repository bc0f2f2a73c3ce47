/*
 * plan_out.c -- reports of a solved process model: the `--json` object and
 * the human summary with its plan tables.
 *
 * Everything a process report says is built here, from the plan alone (plus
 * the process for its name and currency), so later figures -- the baseline
 * and the savings against it -- are added in one place next to the
 * optimized plan's own.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* ------------------------------------------------------------------ */
/* JSON                                                               */
/* ------------------------------------------------------------------ */

static json_t *str_or_null(const char *s)
{
    return s && *s ? cli_json_str(s) : json_null();
}

static json_t *series_array(const double *v, int T)
{
    json_t *a = json_array();
    for (int t = 0; a && t < T; t++)
        if (json_array_append_new(a, cli_json_num(v[t])) != 0) {
            json_decref(a);
            return NULL;
        }
    return a;
}

static json_t *periods_array(const po_plan *plan)
{
    json_t *a = json_array();
    for (int t = 0; a && t < po_plan_num_periods(plan); t++) {
        json_t *s = cli_json_str(po_plan_period_name(plan, t));
        if (!s || json_array_append_new(a, s) != 0) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static json_t *costs_object(const po_plan *plan)
{
    json_t *o;
    if (!po_plan_has_solution(plan))
        return json_null();
    o = json_object();
    for (int k = 0; o && k < PO_COST_NKINDS; k++)
        if (cli_json_set(o, po_cost_kind_name((po_cost_kind)k),
                         cli_json_num(po_plan_cost(plan, (po_cost_kind)k)))) {
            json_decref(o);
            return NULL;
        }
    return o;
}

/* One map item -> per-period array for the items that have `series`. */
static json_t *item_map(const po_plan *plan, po_plan_series series)
{
    int T = po_plan_num_periods(plan);
    json_t *o = json_object();
    for (int i = 0; o && i < po_plan_num_items(plan); i++) {
        const double *v = po_plan_item_series(plan, i, series);
        if (v && cli_json_set(o, po_plan_item_name(plan, i), series_array(v, T))) {
            json_decref(o);
            return NULL;
        }
    }
    return o;
}

static json_t *capacity_map(const po_plan *plan)
{
    int T = po_plan_num_periods(plan);
    json_t *o = json_object();
    for (int i = 0; o && i < po_plan_num_items(plan); i++) {
        json_t *c;
        if (po_plan_item_is_capacity(plan, i) != 1)
            continue;
        c = json_object();
        if (!c ||
            cli_json_set(c, "used", series_array(po_plan_item_series(
                                                     plan, i, PO_PLAN_USED), T)) ||
            cli_json_set(c, "slack", series_array(po_plan_item_series(
                                                      plan, i, PO_PLAN_SLACK), T)) ||
            cli_json_set(o, po_plan_item_name(plan, i), c)) {
            json_decref(c);
            json_decref(o);
            return NULL;
        }
    }
    return o;
}

static json_t *plan_object(const po_plan *plan)
{
    int T = po_plan_num_periods(plan);
    json_t *o, *acts;
    if (!po_plan_has_solution(plan))
        return json_null();
    o = json_object();
    acts = json_object();
    for (int a = 0; acts && a < po_plan_num_activities(plan); a++)
        if (cli_json_set(acts, po_plan_activity_name(plan, a),
                         series_array(po_plan_levels(plan, a), T)))
            goto fail;
    if (!o || !acts || cli_json_set(o, "activities", acts))
        goto fail_o;
    if (cli_json_set(o, "buy", item_map(plan, PO_PLAN_BUY)) ||
        cli_json_set(o, "sold", item_map(plan, PO_PLAN_SOLD)) ||
        cli_json_set(o, "stock", item_map(plan, PO_PLAN_STOCK)) ||
        cli_json_set(o, "shortage", item_map(plan, PO_PLAN_SHORTAGE)) ||
        cli_json_set(o, "disposed", item_map(plan, PO_PLAN_DISPOSED)) ||
        cli_json_set(o, "capacity", capacity_map(plan)))
        goto fail_o;
    return o;
fail:
    json_decref(acts);
fail_o:
    json_decref(o);
    return NULL;
}

/* A bound on the minimized total cost, turned to the model's orientation. */
static double oriented(const po_plan *plan, double total_cost)
{
    return po_plan_objective_kind(plan) == PO_OBJECTIVE_MAX_MARGIN ? -total_cost
                                                                    : total_cost;
}

json_t *cli_plan_json_object(const cli_plan_report *rep)
{
    const po_plan *plan = rep->plan;
    const po_model *model = po_plan_model(plan);
    const po_result *result = po_plan_result(plan);
    int sol = po_plan_has_solution(plan);
    int mip = result && po_result_is_mip(result);
    json_t *o = json_object();
    int bad = !o || !model || !result;

    if (!bad) {
        bad |= cli_json_set(o, "procopt_version", json_string(po_version()));
        bad |= cli_json_set(o, "glpk_version", json_string(po_glpk_version()));
        bad |= cli_json_set(o, "file", cli_json_str(rep->file));
        bad |= cli_json_set(o, "format", json_string("json"));
        bad |= cli_json_set(o, "name", str_or_null(po_process_name(rep->process)));
        bad |= cli_json_set(o, "status",
                            json_string(po_outcome_name(po_plan_outcome(plan))));
        bad |= cli_json_set(o, "objective_kind",
                            json_string(po_plan_objective_kind(plan) ==
                                                PO_OBJECTIVE_MAX_MARGIN
                                            ? "max_margin"
                                            : "min_cost"));
        bad |= cli_json_set(o, "objective",
                            sol ? cli_json_num(po_plan_objective(plan)) : json_null());
        bad |= cli_json_set(o, "total_cost",
                            sol ? cli_json_num(po_plan_total_cost(plan)) : json_null());
        bad |= cli_json_set(o, "currency",
                            str_or_null(po_process_currency(rep->process)));
        bad |= cli_json_set(o, "costs", costs_object(plan));
        if (mip) {
            bad |= cli_json_set(o, "best_bound",
                                cli_json_num(oriented(plan, po_result_best_bound(result))));
            bad |= cli_json_set(o, "gap", cli_json_num(po_result_gap(result)));
        }
        /* Issue-4 figures (baseline.status, baseline.total_cost,
         * savings.per_horizon/per_year/relative) belong here, beside the
         * optimized plan's own. */
        bad |= cli_json_set(o, "periods", periods_array(plan));
        bad |= cli_json_set(o, "integer", json_boolean(mip));
        bad |= cli_json_solver_stats(o, model, result);
        bad |= cli_json_set(o, "plan", plan_object(plan));
    }
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

void cli_plan_json(cli_buf *out, const cli_plan_report *rep)
{
    json_t *o = cli_plan_json_object(rep);
    if (!o)
        out->failed = 1; /* reported by cli_emit as out of memory */
    else
        cli_json_dump(out, o);
    json_decref(o);
}

/* ------------------------------------------------------------------ */
/* Text                                                               */
/* ------------------------------------------------------------------ */

#define PLAN_BLOCK 8      /* periods side by side before the table wraps */
#define PLAN_MAX_ROWS 40  /* rows per section shown without --all */
#define WHAT_WIDTH 8      /* "shortage" */

/* One line of a plan table. */
typedef struct plan_row {
    const char *name;  /* activity or item; "" continues the item above */
    const char *what;  /* "buy", "stock", ...; "" for activity levels */
    const double *v;   /* one value per period */
    int total;         /* flows get a total column; levels of stock do not */
    int decimals;
} plan_row;

typedef struct plan_table {
    plan_row *rows;
    int n, cap;
    int hidden;   /* all-zero activities or items left out */
    int dropped;  /* rows beyond PLAN_MAX_ROWS */
} plan_table;

/* Solver noise (1e-11 shortages) reads as 0, and -0 as 0. */
static double clean(double v)
{
    return fabs(v) < 1e-9 ? 0.0 : v;
}

/* Columns take the fewest decimals (0 to 3) that show every value of the
 * row exactly: levels stay whole numbers, kilograms keep their fractions. */
static int row_decimals(const double *v, int T)
{
    for (int d = 0; d <= 3; d++) {
        double scale = pow(10, d);
        int exact = 1;
        for (int t = 0; t < T && exact; t++) {
            double x = clean(v[t]) * scale;
            if (fabs(x - nearbyint(x)) > 1e-6 * (1 + fabs(x)))
                exact = 0;
        }
        if (exact)
            return d;
    }
    return 3;
}

static int all_zero(const double *v, int T)
{
    for (int t = 0; t < T; t++)
        if (clean(v[t]) != 0)
            return 0;
    return 1;
}

static int add_row(plan_table *tb, const char *name, const char *what,
                   const double *v, int T, int total)
{
    if (tb->n == tb->cap) {
        int cap = tb->cap ? 2 * tb->cap : 32;
        plan_row *r = realloc(tb->rows, (size_t)cap * sizeof *r);
        if (!r)
            return -1;
        tb->rows = r;
        tb->cap = cap;
    }
    tb->rows[tb->n].name = name;
    tb->rows[tb->n].what = what;
    tb->rows[tb->n].v = v;
    tb->rows[tb->n].total = total;
    tb->rows[tb->n].decimals = row_decimals(v, T);
    tb->n++;
    return 0;
}

static int fill_activities(plan_table *tb, const po_plan *plan, int all)
{
    int T = po_plan_num_periods(plan), shown = 0;
    for (int a = 0; a < po_plan_num_activities(plan); a++) {
        const double *v = po_plan_levels(plan, a);
        if (!v)
            continue;
        if (!all && all_zero(v, T)) {
            tb->hidden++;
            continue;
        }
        if (!all && shown == PLAN_MAX_ROWS) {
            tb->dropped++;
            continue;
        }
        if (add_row(tb, po_plan_activity_name(plan, a), "", v, T, 1) != 0)
            return -1;
        shown++;
    }
    return 0;
}

/* Items (capacity == 0) or capacities (capacity == 1): one row per series
 * the item has, the name on the first. */
static int fill_items(plan_table *tb, const po_plan *plan, int capacity,
                      int all)
{
    static const po_plan_series goods[] = {PO_PLAN_BUY, PO_PLAN_SOLD,
                                           PO_PLAN_SHORTAGE, PO_PLAN_STOCK,
                                           PO_PLAN_DISPOSED};
    static const po_plan_series caps[] = {PO_PLAN_BUY, PO_PLAN_USED,
                                          PO_PLAN_SLACK};
    const po_plan_series *list = capacity ? caps : goods;
    int nlist = capacity ? 3 : 5;
    int T = po_plan_num_periods(plan), shown = 0;

    for (int i = 0; i < po_plan_num_items(plan); i++) {
        const double *v[5];
        int n = 0, nonzero = 0;
        if (po_plan_item_is_capacity(plan, i) != capacity)
            continue;
        for (int s = 0; s < nlist; s++) {
            const double *x = po_plan_item_series(plan, i, list[s]);
            if (x) {
                v[n++] = x;
                nonzero |= !all_zero(x, T);
            }
        }
        if (n == 0)
            continue; /* an intermediate good: made and used, nothing else */
        if (!all && !nonzero) {
            tb->hidden++;
            continue;
        }
        if (!all && shown >= PLAN_MAX_ROWS) {
            tb->dropped++;
            continue;
        }
        for (int s = 0, k = 0; s < nlist; s++) {
            po_plan_series ser = list[s];
            if (!po_plan_item_series(plan, i, ser))
                continue;
            if (add_row(tb, k == 0 ? po_plan_item_name(plan, i) : "",
                        po_plan_series_name(ser), v[k], T,
                        ser != PO_PLAN_STOCK && ser != PO_PLAN_SLACK) != 0)
                return -1;
            k++;
            shown++;
        }
    }
    return 0;
}

/* Display width: UTF-8 continuation bytes take no column. */
static int width_of(const char *s)
{
    int w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        w += (*p & 0xc0) != 0x80;
    return w;
}

static void pad(cli_buf *out, const char *s, int width, int right)
{
    int fill = width - width_of(s);
    if (right)
        for (int i = 0; i < fill; i++)
            cli_buf_append(out, " ", 1);
    cli_buf_append(out, s, strlen(s));
    if (!right)
        for (int i = 0; i < fill; i++)
            cli_buf_append(out, " ", 1);
}

static void cell(char buf[48], double v, int decimals)
{
    snprintf(buf, 48, "%.*f", decimals, clean(v));
    if (strcmp(buf, "-0") == 0 || strspn(buf, "-0.") == strlen(buf))
        snprintf(buf, 48, "%.*f", decimals, 0.0); /* no "-0.00" */
}

static double row_total(const plan_row *r, int T)
{
    double s = 0;
    for (int t = 0; t < T; t++)
        s += r->v[t];
    return s;
}

/* The layout shared by every section, so columns line up down the page. */
typedef struct plan_layout {
    int T;
    int namew, whatw;
    int *colw; /* T + 1: the periods, then "total" */
} plan_layout;

/* The three sections, in the order they are printed. */
static const char *const titles[] = {"activities", "items", "capacities"};

static void measure(plan_layout *L, const po_plan *plan, plan_table *tabs,
                    int ntabs)
{
    char b[48];
    L->namew = 0;
    L->whatw = 0;
    for (int k = 0; k < ntabs; k++)
        if (width_of(titles[k]) - 2 > L->namew)
            L->namew = width_of(titles[k]) - 2;
    for (int t = 0; t < L->T; t++) {
        const char *p = po_plan_period_name(plan, t);
        L->colw[t] = width_of(*p ? p : "value");
    }
    L->colw[L->T] = width_of("total");
    for (int k = 0; k < ntabs; k++)
        for (int r = 0; r < tabs[k].n; r++) {
            const plan_row *row = &tabs[k].rows[r];
            int w = width_of(row->name);
            if (w > L->namew)
                L->namew = w;
            if (*row->what)
                L->whatw = WHAT_WIDTH;
            for (int t = 0; t < L->T; t++) {
                cell(b, row->v[t], row->decimals);
                if ((int)strlen(b) > L->colw[t])
                    L->colw[t] = (int)strlen(b);
            }
            if (row->total) {
                cell(b, row_total(row, L->T), row->decimals);
                if ((int)strlen(b) > L->colw[L->T])
                    L->colw[L->T] = (int)strlen(b);
            }
        }
}

static void section(cli_buf *out, const plan_layout *L, const po_plan *plan,
                    const char *title, const plan_table *tb, int t0, int t1,
                    int with_total)
{
    int label = 2 + L->namew + (L->whatw ? 2 + L->whatw : 0);
    char b[48];

    pad(out, title, label, 0);
    for (int t = t0; t < t1; t++) {
        const char *p = po_plan_period_name(plan, t);
        cli_buf_append(out, "  ", 2);
        pad(out, *p ? p : "value", L->colw[t], 1);
    }
    if (with_total) {
        cli_buf_append(out, "  ", 2);
        pad(out, "total", L->colw[L->T], 1);
    }
    cli_buf_append(out, "\n", 1);
    for (int r = 0; r < tb->n; r++) {
        const plan_row *row = &tb->rows[r];
        cli_buf_append(out, "  ", 2);
        pad(out, row->name, L->namew, 0);
        if (L->whatw) {
            cli_buf_append(out, "  ", 2);
            pad(out, row->what, L->whatw, 0);
        }
        for (int t = t0; t < t1; t++) {
            cell(b, row->v[t], row->decimals);
            cli_buf_append(out, "  ", 2);
            pad(out, b, L->colw[t], 1);
        }
        if (with_total && row->total) {
            cell(b, row_total(row, L->T), row->decimals);
            cli_buf_append(out, "  ", 2);
            pad(out, b, L->colw[L->T], 1);
        }
        cli_buf_append(out, "\n", 1);
    }
}

static void plan_tables(cli_buf *out, const cli_plan_report *rep)
{
    static const char *const one[] = {"activity", "item", "capacity"};
    const po_plan *plan = rep->plan;
    plan_table tabs[3];
    plan_layout L;
    int T = po_plan_num_periods(plan);
    int with_total = T > 1;

    memset(tabs, 0, sizeof tabs);
    L.T = T;
    L.colw = calloc((size_t)T + 1, sizeof *L.colw);
    if (!L.colw || fill_activities(&tabs[0], plan, rep->show_all) ||
        fill_items(&tabs[1], plan, 0, rep->show_all) ||
        fill_items(&tabs[2], plan, 1, rep->show_all)) {
        out->failed = 1;
        goto done;
    }
    measure(&L, plan, tabs, 3);

    /* Beyond PLAN_BLOCK periods the table wraps: each block of periods
     * repeats the sections, so every line fits a terminal. */
    for (int t0 = 0; t0 < T; t0 += PLAN_BLOCK) {
        int t1 = t0 + PLAN_BLOCK < T ? t0 + PLAN_BLOCK : T;
        int last = t1 == T;
        cli_buf_append(out, "\n", 1);
        if (T > PLAN_BLOCK)
            cli_buf_printf(out, "periods %d-%d of %d:\n", t0 + 1, t1, T);
        for (int k = 0; k < 3; k++)
            if (tabs[k].n > 0)
                section(out, &L, plan, titles[k], &tabs[k], t0, t1,
                        with_total && last);
    }
    for (int k = 0; k < 3; k++) {
        if (tabs[k].dropped)
            cli_buf_printf(out, "... %d more %s (--all lists every row)\n",
                           tabs[k].dropped,
                           tabs[k].dropped == 1 ? one[k] : titles[k]);
        if (tabs[k].hidden)
            cli_buf_printf(out, "%d %s at zero in every period not shown "
                           "(--all shows %s)\n", tabs[k].hidden,
                           tabs[k].hidden == 1 ? one[k] : titles[k],
                           tabs[k].hidden == 1 ? "it" : "them");
    }
done:
    for (int k = 0; k < 3; k++)
        free(tabs[k].rows);
    free(L.colw);
}

static const char *money(char buf[64], double v)
{
    if (isnan(v))
        return "n/a";
    snprintf(buf, 64, "%.2f", clean(v));
    if (strcmp(buf, "-0.00") == 0)
        strcpy(buf, "0.00");
    return buf;
}

static void cost_split(cli_buf *out, const po_plan *plan, const char *cur)
{
    char b[64];
    int w = (int)strlen("total cost");
    cli_buf_printf(out, "\ncosts%s%s%s:\n", *cur ? " (" : "", cur, *cur ? ")" : "");
    /* Revenue is shown negative so that the column adds up to the total. */
    for (int k = 0; k < PO_COST_NKINDS; k++) {
        double v = po_plan_cost(plan, (po_cost_kind)k);
        cli_buf_printf(out, "  %-*s  %14s\n", w, po_cost_kind_name((po_cost_kind)k),
                       money(b, k == PO_COST_REVENUE ? -v : v));
    }
    cli_buf_printf(out, "  %-*s  %14s\n", w, "total cost",
                   money(b, po_plan_total_cost(plan)));
}

void cli_plan_text(cli_buf *out, const cli_plan_report *rep)
{
    const po_plan *plan = rep->plan;
    const po_model *model = po_plan_model(plan);
    const po_result *result = po_plan_result(plan);
    const char *cur = po_process_currency(rep->process);
    const char *name = po_process_name(rep->process);
    int margin = po_plan_objective_kind(plan) == PO_OBJECTIVE_MAX_MARGIN;
    int mip = result && po_result_is_mip(result);
    char b[64];

    if (!cur)
        cur = "";
    cli_buf_printf(out, "file:        %s (process model)\n", rep->file);
    if (name && *name)
        cli_buf_printf(out, "model:       %s\n", name);
    cli_buf_printf(out, "status:      %s\n",
                   po_outcome_name(po_plan_outcome(plan)));
    if (po_plan_has_solution(plan)) {
        cli_buf_printf(out, "objective:   %s%s%s %s\n",
                       money(b, po_plan_objective(plan)), *cur ? " " : "", cur,
                       margin ? "margin (maximized)" : "total cost (minimized)");
        cli_buf_printf(out, "total cost:  %s%s%s\n",
                       money(b, po_plan_total_cost(plan)), *cur ? " " : "", cur);
    } else {
        cli_buf_printf(out, "objective:   none (no solution)\n");
    }
    if (mip && po_plan_has_solution(plan)) {
        double gap = po_result_gap(result);
        cli_buf_printf(out, "best bound:  %s\n",
                       money(b, margin ? -po_result_best_bound(result)
                                       : po_result_best_bound(result)));
        if (!isnan(gap))
            cli_buf_printf(out, "gap:         %.4g%%\n", 100 * gap);
    }
    if (model) {
        int nint = po_model_num_integer_vars(model);
        cli_buf_printf(out, "compiled:    %s, %d rows, %d columns", mip ? "MIP" : "LP",
                       po_model_num_constrs(model), po_model_num_vars(model));
        if (nint > 0)
            cli_buf_printf(out, " (%d integer)", nint);
        cli_buf_printf(out, ", %ld nonzeros\n", po_model_num_nonzeros(model));
    }
    if (result) {
        cli_buf_printf(out, "solve:       %.3f s, %ld iterations",
                       po_result_time(result), po_result_iterations(result));
        if (mip)
            cli_buf_printf(out, ", %ld nodes", po_result_nodes(result));
        cli_buf_printf(out, "\n");
    }
    if (!po_plan_has_solution(plan))
        return;
    cost_split(out, plan, cur);
    plan_tables(out, rep);
}
