/*
 * savings_out.c -- the analysis part of `procopt solve MODEL.json`: the
 * savings against today's plan (or what today's plan breaks), what limits
 * the plan (binding shadow prices, cost ranges), and why an infeasible
 * model cannot hold (a conflict set).
 *
 * The library computes and words every figure (SAVINGS-API of procopt.h);
 * this file only lays them out, as JSON keys added to the plan report and
 * as text blocks after its summary.
 */
#include <math.h>
#include <string.h>

#include "cli.h"

static int set_num(json_t *o, const char *key, double v)
{
    return cli_json_set(o, key, cli_json_num(v));
}

static json_t *str_or_empty(const char *s)
{
    return cli_json_str(s ? s : "");
}

/* {kind, name, period, amount, message} of a breach or conflict entry. */
static json_t *req_entry(po_req_kind kind, const char *name,
                         const char *period, double amount, int with_amount,
                         const char *message)
{
    json_t *e = json_object();
    const char *k = po_req_kind_name(kind);
    if (!e || cli_json_set(e, "kind", json_string(k ? k : "")) ||
        cli_json_set(e, "name", str_or_empty(name)) ||
        cli_json_set(e, "period", str_or_empty(period)) ||
        (with_amount && set_num(e, "amount", amount)) ||
        cli_json_set(e, "message", str_or_empty(message))) {
        json_decref(e);
        return NULL;
    }
    return e;
}

static json_t *baseline_object(const po_savings *s)
{
    json_t *b = json_object();
    int n = po_savings_num_breaches(s);
    if (!b || cli_json_set(b, "status", json_string(po_outcome_name(
                               po_savings_baseline_outcome(s)))) ||
        set_num(b, "total_cost", po_savings_baseline_total_cost(s)))
        goto fail;
    if (n > 0) {
        json_t *arr = json_array();
        if (!arr || cli_json_set(b, "breaches", arr))
            goto fail;
        for (int k = 0; k < n; k++) {
            po_req_kind kind;
            const char *name, *period;
            double amount;
            if (po_savings_breach(s, k, &kind, &name, &period, &amount) != PO_OK ||
                json_array_append_new(arr, req_entry(kind, name, period, amount, 1,
                                      po_savings_breach_message(s, k))))
                goto fail;
        }
    }
    return b;
fail:
    json_decref(b);
    return NULL;
}

static json_t *savings_object(const po_savings *s, int top)
{
    json_t *o = json_object(), *kinds = json_object(), *changes = json_array();
    int n = po_savings_num_changes(s);
    if (!o || !kinds || !changes)
        goto fail;
    if (set_num(o, "per_horizon", po_savings_per_horizon(s)) ||
        set_num(o, "per_year", po_savings_per_year(s)) ||
        set_num(o, "relative", po_savings_relative(s)))
        goto fail;
    for (int k = 0; k < PO_COST_NKINDS; k++)
        if (set_num(kinds, po_cost_kind_name((po_cost_kind)k),
                    po_savings_by_kind(s, (po_cost_kind)k)))
            goto fail;
    if (cli_json_set(o, "by_kind", kinds)) {
        kinds = NULL;
        goto fail;
    }
    kinds = NULL;
    for (int k = 0; k < n && (top <= 0 || k < top); k++) {
        const char *act, *period;
        double b, z;
        json_t *e = json_object();
        if (po_savings_change(s, k, &act, &period, &b, &z) != PO_OK || !e ||
            cli_json_set(e, "activity", str_or_empty(act)) ||
            cli_json_set(e, "period", str_or_empty(period)) ||
            set_num(e, "baseline", b) || set_num(e, "optimized", z) ||
            set_num(e, "change", z - b) || json_array_append_new(changes, e))
            goto fail;
    }
    if (cli_json_set(o, "num_changes", json_integer(n)) ||
        cli_json_set(o, "changes", changes)) {
        changes = NULL;
        goto fail;
    }
    return o;
fail:
    json_decref(kinds);
    json_decref(changes);
    json_decref(o);
    return NULL;
}

static json_t *limits_object(const po_limits *l)
{
    json_t *o = json_object(), *prices = json_array(), *ranges = json_array();
    int nb = po_limits_num_binding(l), nr = po_limits_num_ranges(l);
    if (!o || !prices || !ranges)
        goto fail;
    for (int k = 0; k < nb; k++) {
        po_req_kind kind;
        const char *name, *period, *kn;
        double value, bound, lo, hi;
        json_t *e = json_object();
        if (po_limits_price(l, k, &kind, &name, &period, &value, &bound, &lo,
                            &hi) != PO_OK || !e) {
            json_decref(e);
            goto fail;
        }
        kn = po_req_kind_name(kind);
        if (cli_json_set(e, "kind", json_string(kn ? kn : "")) ||
            cli_json_set(e, "name", str_or_empty(name)) ||
            cli_json_set(e, "period", str_or_empty(period)) ||
            set_num(e, "value", value) || set_num(e, "bound", bound) ||
            set_num(e, "lo", lo) || set_num(e, "hi", hi) ||
            cli_json_set(e, "message", str_or_empty(po_limits_price_message(l, k))) ||
            json_array_append_new(prices, e))
            goto fail;
    }
    for (int k = 0; k < nr; k++) {
        po_unc_param what;
        const char *name, *period;
        double value, lo, hi;
        json_t *e = json_object();
        static const char *const what_names[] = {"demand", "price", "buy_cost",
                                                 "cost", "capacity"};
        if (po_limits_range(l, k, &what, &name, &period, &value, &lo, &hi) != PO_OK ||
            !e || (unsigned)what >= sizeof what_names / sizeof *what_names) {
            json_decref(e);
            goto fail;
        }
        if (cli_json_set(e, "what", json_string(what_names[what])) ||
            cli_json_set(e, "name", str_or_empty(name)) ||
            cli_json_set(e, "period", str_or_empty(period)) ||
            set_num(e, "value", value) ||
            cli_json_set(e, "lo", isinf(lo) ? json_null() : cli_json_num(lo)) ||
            cli_json_set(e, "hi", isinf(hi) ? json_null() : cli_json_num(hi)) ||
            cli_json_set(e, "message", str_or_empty(po_limits_range_message(l, k))) ||
            json_array_append_new(ranges, e))
            goto fail;
    }
    if (cli_json_set(o, "shadow_prices", prices)) {
        prices = NULL;
        goto fail;
    }
    prices = NULL;
    if (cli_json_set(o, "cost_ranges", ranges)) {
        ranges = NULL;
        goto fail;
    }
    return o;
fail:
    json_decref(prices);
    json_decref(ranges);
    json_decref(o);
    return NULL;
}

static json_t *conflict_array(const po_conflict *c)
{
    json_t *arr = json_array();
    int n = po_conflict_num_entries(c);
    if (!arr)
        return NULL;
    for (int k = 0; k < n; k++) {
        po_req_kind kind;
        const char *name, *period;
        double amount;
        if (po_conflict_entry(c, k, &kind, &name, &period, &amount) != PO_OK ||
            json_array_append_new(arr, req_entry(kind, name, period, amount, 0,
                                  po_conflict_message(c, k)))) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

int cli_analysis_json(json_t *o, const cli_analysis *a)
{
    if (a->savings && (cli_json_set(o, "baseline", baseline_object(a->savings)) ||
                       cli_json_set(o, "savings", savings_object(a->savings,
                                                                 a->top))))
        return -1;
    if (a->limits && po_limits_available(a->limits) &&
        cli_json_set(o, "limits", limits_object(a->limits)))
        return -1;
    if (a->limits_skipped > 0 &&
        cli_json_set(o, "limits_skipped",
                     json_integer((json_int_t)a->limits_skipped)))
        return -1;
    if (a->conflict && po_conflict_infeasible(a->conflict) &&
        (cli_json_set(o, "conflict", conflict_array(a->conflict)) ||
         cli_json_set(o, "conflict_minimal",
                       json_boolean(po_conflict_is_minimal(a->conflict)))))
        return -1;
    return 0;
}

void cli_analysis_add_json(cli_buf *out, const cli_plan_report *rep,
                           const cli_analysis *a)
{
    /* The plan report as plan_out.c writes it, then ours next to it. */
    json_t *o = cli_plan_json_object(rep);
    if (!o || cli_analysis_json(o, a))
        out->failed = 1;
    else
        cli_json_dump(out, o);
    json_decref(o);
}

/* ---- text ---- */

static void money(cli_buf *out, double v, const char *cur)
{
    if (isnan(v))
        cli_buf_printf(out, "n/a");
    else
        cli_buf_printf(out, "%.2f%s%s", v, *cur ? " " : "", cur);
}

static void savings_text(cli_buf *out, const po_savings *s, const char *cur,
                         int top)
{
    int nb = po_savings_num_breaches(s), nc = po_savings_num_changes(s);
    po_outcome bo = po_savings_baseline_outcome(s);

    cli_buf_printf(out, "\nSavings against today's plan\n");
    if (nb > 0 || !po_savings_has_value(s)) {
        cli_buf_printf(out, "  baseline: %s (today's plan cannot be run as given)\n",
                       po_outcome_name(bo));
        for (int k = 0; k < nb; k++) {
            const char *m = po_savings_breach_message(s, k);
            if (m)
                cli_buf_printf(out, "  - %s\n", m);
        }
    } else {
        double rel = po_savings_relative(s);
        cli_buf_printf(out, "  baseline:    ");
        money(out, po_savings_baseline_total_cost(s), cur);
        cli_buf_printf(out, " total cost\n  per horizon: ");
        money(out, po_savings_per_horizon(s), cur);
        cli_buf_printf(out, "\n  per year:    ");
        if (isnan(po_savings_per_year(s)))
            cli_buf_printf(out, "n/a (no horizons_per_year)");
        else
            money(out, po_savings_per_year(s), cur);
        cli_buf_printf(out, "\n  relative:    ");
        if (isnan(rel))
            cli_buf_printf(out, "n/a\n");
        else
            cli_buf_printf(out, "%.2f %% of the baseline\n", 100.0 * rel);
        cli_buf_printf(out, "  by kind:    ");
        for (int k = 0; k < PO_COST_NKINDS; k++) {
            double v = po_savings_by_kind(s, (po_cost_kind)k);
            if (!isnan(v) && v != 0)
                cli_buf_printf(out, " %s %.2f", po_cost_kind_name((po_cost_kind)k), v);
        }
        cli_buf_printf(out, "\n");
    }
    if (nc > 0) {
        cli_buf_printf(out, "  largest changes (of %d):\n", nc);
        for (int k = 0; k < nc && (top <= 0 || k < top); k++) {
            const char *act, *period;
            double b, z;
            if (po_savings_change(s, k, &act, &period, &b, &z) != PO_OK)
                continue;
            cli_buf_printf(out, "    %s%s%s: %g -> %g (%+g)\n", act,
                           period && *period ? " " : "", period ? period : "",
                           b, z, z - b);
        }
    }
}

void cli_analysis_text(cli_buf *out, const cli_analysis *a, const char *currency)
{
    const char *cur = currency ? currency : "";
    if (a->savings)
        savings_text(out, a->savings, cur, a->top);
    if (a->limits && po_limits_available(a->limits)) {
        int nb = po_limits_num_binding(a->limits);
        if (nb > 0) {
            cli_buf_printf(out, "\nWhat limits the plan\n");
            for (int k = 0; k < nb && k < 10; k++) {
                const char *m = po_limits_price_message(a->limits, k);
                if (m)
                    cli_buf_printf(out, "  - %s\n", m);
            }
            if (nb > 10)
                cli_buf_printf(out, "  ... and %d more (--json lists them all)\n",
                               nb - 10);
        }
    }
    if (a->limits_skipped > 0)
        cli_buf_printf(out, "\nWhat limits the plan: not computed for a model of "
                       "%ld nonzeros (ranging is slow on large models); "
                       "--limits computes it\n", a->limits_skipped);
    if (a->conflict && po_conflict_infeasible(a->conflict)) {
        int n = po_conflict_num_entries(a->conflict);
        cli_buf_printf(out, "\nWhy the model is infeasible (%s):\n",
                       po_conflict_is_minimal(a->conflict)
                           ? "these requirements cannot hold together"
                           : "these cannot hold together; a limit stopped the "
                             "search before it was minimal");
        for (int k = 0; k < n; k++) {
            const char *m = po_conflict_message(a->conflict, k);
            if (m)
                cli_buf_printf(out, "  - %s\n", m);
        }
    }
}
