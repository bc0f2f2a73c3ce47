/*
 * json_out.c -- the `--json` report of `procopt solve`.
 *
 * The report is built as a jansson tree and written by our own dumper:
 * jansson prints reals either with 17 digits (0.1 -> 0.10000000000000001) or
 * fewer that may not round-trip, while users compare these values with other
 * solvers' and need both exactness and readability: the dumper prints the
 * shortest text that reads back as the same double.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"

/* ------------------------------------------------------------------ */
/* Dumper                                                             */
/* ------------------------------------------------------------------ */

static void dump_string(cli_buf *out, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    size_t start = 0;
    cli_buf_append(out, "\"", 1);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = NULL;
        char u[7];
        if (c == '"')
            esc = "\\\"";
        else if (c == '\\')
            esc = "\\\\";
        else if (c == '\n')
            esc = "\\n";
        else if (c == '\t')
            esc = "\\t";
        else if (c == '\r')
            esc = "\\r";
        else if (c < 0x20 || c == 0x7f) {
            u[0] = '\\';
            u[1] = 'u';
            u[2] = '0';
            u[3] = '0';
            u[4] = hex[c >> 4];
            u[5] = hex[c & 15];
            u[6] = '\0';
            esc = u;
        }
        if (esc) {
            cli_buf_append(out, s + start, i - start);
            cli_buf_append(out, esc, strlen(esc));
            start = i + 1;
        }
    }
    cli_buf_append(out, s + start, len - start);
    cli_buf_append(out, "\"", 1);
}

static void dump_real(cli_buf *out, double v)
{
    char num[32];
    if (!isfinite(v)) { /* JSON has no NaN/Inf; the builder avoids them */
        cli_buf_append(out, "null", 4);
        return;
    }
    cli_format_double(num, v);
    /* Keep a real recognisable as one ("3.0", not "3"), as jansson does. */
    if (!strpbrk(num, ".eE"))
        strcat(num, ".0");
    cli_buf_append(out, num, strlen(num));
}

static void indent(cli_buf *out, int depth)
{
    cli_buf_append(out, "\n", 1);
    for (int i = 0; i < depth; i++)
        cli_buf_append(out, "  ", 2);
}

static void dump(cli_buf *out, const json_t *v, int depth)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        const char *key;
        json_t *item;
        int first = 1;
        if (json_object_size(v) == 0) {
            cli_buf_append(out, "{}", 2);
            break;
        }
        /* Small records inside maps (a constraint's activity and dual) stay
         * on one line: one line per name keeps big reports greppable. */
        if (depth >= 2 && json_object_size(v) <= 4) {
            int flat = 1;
            json_object_foreach((json_t *)v, key, item)
                if (json_is_object(item) || json_is_array(item))
                    flat = 0;
            if (flat) {
                cli_buf_append(out, "{", 1);
                json_object_foreach((json_t *)v, key, item) {
                    if (!first)
                        cli_buf_append(out, ", ", 2);
                    first = 0;
                    dump_string(out, key, strlen(key));
                    cli_buf_append(out, ": ", 2);
                    dump(out, item, depth + 1);
                }
                cli_buf_append(out, "}", 1);
                break;
            }
        }
        cli_buf_append(out, "{", 1);
        json_object_foreach((json_t *)v, key, item) {
            if (!first)
                cli_buf_append(out, ",", 1);
            first = 0;
            indent(out, depth + 1);
            dump_string(out, key, strlen(key));
            cli_buf_append(out, ": ", 2);
            dump(out, item, depth + 1);
        }
        indent(out, depth);
        cli_buf_append(out, "}", 1);
        break;
    }
    case JSON_ARRAY: {
        size_t n = json_array_size(v);
        if (n == 0) {
            cli_buf_append(out, "[]", 2);
            break;
        }
        /* Arrays of numbers (per-period values) stay on one line. */
        int flat = 1;
        for (size_t i = 0; i < n; i++)
            if (json_is_object(json_array_get(v, i)) ||
                json_is_array(json_array_get(v, i)))
                flat = 0;
        cli_buf_append(out, "[", 1);
        for (size_t i = 0; i < n; i++) {
            if (i)
                cli_buf_append(out, flat ? ", " : ",", flat ? 2 : 1);
            if (!flat)
                indent(out, depth + 1);
            dump(out, json_array_get(v, i), depth + 1);
        }
        if (!flat)
            indent(out, depth);
        cli_buf_append(out, "]", 1);
        break;
    }
    case JSON_STRING:
        dump_string(out, json_string_value(v), json_string_length(v));
        break;
    case JSON_INTEGER:
        cli_buf_printf(out, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        break;
    case JSON_REAL:
        dump_real(out, json_real_value(v));
        break;
    case JSON_TRUE:
        cli_buf_append(out, "true", 4);
        break;
    case JSON_FALSE:
        cli_buf_append(out, "false", 5);
        break;
    case JSON_NULL:
        cli_buf_append(out, "null", 4);
        break;
    }
}

void cli_json_dump(cli_buf *out, const json_t *value)
{
    dump(out, value, 0);
    cli_buf_append(out, "\n", 1);
}

/* ------------------------------------------------------------------ */
/* Builders                                                           */
/* ------------------------------------------------------------------ */

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if invalid. */
static size_t utf8_seq(const unsigned char *s)
{
    unsigned c = s[0];
    size_t n;
    unsigned cp;
    if (c < 0x80)
        return 1;
    if (c >= 0xc2 && c <= 0xdf)
        n = 2, cp = c & 0x1f;
    else if (c >= 0xe0 && c <= 0xef)
        n = 3, cp = c & 0x0f;
    else if (c >= 0xf0 && c <= 0xf4)
        n = 4, cp = c & 0x07;
    else
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3f);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
        (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return n;
}

/* Names in MPS and LP files are bytes, JSON text is UTF-8: an invalid byte
 * becomes U+FFFD.  Returns a new string (NULL when out of memory). */
char *cli_utf8_clean(const char *s)
{
    size_t len = strlen(s), o = 0;
    char *r = malloc(len * 3 + 1);
    if (!r)
        return NULL;
    for (size_t i = 0; i < len;) {
        size_t n = utf8_seq((const unsigned char *)s + i);
        if (n == 0) {
            memcpy(r + o, "\xef\xbf\xbd", 3);
            o += 3;
            i++;
        } else {
            memcpy(r + o, s + i, n);
            o += n;
            i += n;
        }
    }
    r[o] = '\0';
    return r;
}

json_t *cli_json_num(double v)
{
    return isfinite(v) ? json_real(v) : json_null();
}

json_t *cli_json_str(const char *s)
{
    json_t *j;
    char *clean;
    if (!s)
        return json_null();
    clean = cli_utf8_clean(s);
    if (!clean)
        return NULL;
    j = json_string(clean);
    free(clean);
    return j;
}

int cli_json_set(json_t *obj, const char *key, json_t *value)
{
    char *clean;
    int rc;
    if (!value)
        return -1;
    clean = cli_utf8_clean(key);
    if (!clean) {
        json_decref(value);
        return -1;
    }
    rc = json_object_set_new(obj, clean, value);
    free(clean);
    return rc;
}

/* The variables' values, or NULL (JSON null) without a solution. */
static json_t *variables(const po_model *model, const po_result *result)
{
    const double *x = po_result_values(result);
    int n = po_result_num_vars(result);
    json_t *obj;
    if (!x || !po_result_has_solution(result))
        return json_null();
    obj = json_object();
    for (int j = 0; obj && j < n; j++)
        if (cli_json_set(obj, po_model_var_name(model, j), cli_json_num(x[j])))
            goto fail;
    return obj;
fail:
    json_decref(obj);
    return NULL;
}

static json_t *constraints(const po_model *model, const po_result *result)
{
    const double *act = po_result_row_activities(result);
    const double *dual = po_result_duals(result);
    int m = po_result_num_constrs(result);
    json_t *obj;
    if (!act || !po_result_has_solution(result))
        return json_null();
    obj = json_object();
    for (int i = 0; obj && i < m; i++) {
        json_t *row = json_object();
        if (!row || cli_json_set(row, "activity", cli_json_num(act[i])) ||
            cli_json_set(row, "dual", dual ? cli_json_num(dual[i]) : json_null()) ||
            cli_json_set(obj, po_model_constr_name(model, i), row)) {
            json_decref(row);
            goto fail;
        }
    }
    return obj;
fail:
    json_decref(obj);
    return NULL;
}

static json_t *reduced_costs(const po_model *model, const po_result *result)
{
    const double *d = po_result_reduced_costs(result);
    int n = po_result_num_vars(result);
    json_t *obj;
    if (!d)
        return json_null();
    obj = json_object();
    for (int j = 0; obj && j < n; j++)
        if (cli_json_set(obj, po_model_var_name(model, j), cli_json_num(d[j])))
            goto fail;
    return obj;
fail:
    json_decref(obj);
    return NULL;
}

int cli_json_solver_stats(json_t *o, const po_model *model,
                          const po_result *result)
{
    int bad = 0;
    bad |= cli_json_set(o, "rows", json_integer(po_model_num_constrs(model)));
    bad |= cli_json_set(o, "cols", json_integer(po_model_num_vars(model)));
    bad |= cli_json_set(o, "nonzeros", json_integer(po_model_num_nonzeros(model)));
    bad |= cli_json_set(o, "integer_vars",
                        json_integer(po_model_num_integer_vars(model)));
    bad |= cli_json_set(o, "iterations", json_integer(po_result_iterations(result)));
    bad |= cli_json_set(o, "nodes", json_integer(po_result_nodes(result)));
    bad |= cli_json_set(o, "time_s", cli_json_num(po_result_time(result)));
    return bad ? -1 : 0;
}

void cli_json_report(cli_buf *out, const cli_report *rep,
                     const po_model *model, const po_result *result)
{
    json_t *o = json_object();
    int mip = po_result_is_mip(result);
    int bad = !o;

    if (!bad) {
        bad |= cli_json_set(o, "procopt_version", json_string(po_version()));
        bad |= cli_json_set(o, "glpk_version", json_string(po_glpk_version()));
        bad |= cli_json_set(o, "file", cli_json_str(rep->file));
        if (rep->data)
            bad |= cli_json_set(o, "data", cli_json_str(rep->data));
        bad |= cli_json_set(o, "format", json_string(po_format_name(rep->format)));
        bad |= cli_json_set(o, "status",
                            json_string(po_outcome_name(po_result_outcome(result))));
        bad |= cli_json_set(o, "integer", json_boolean(mip));
        bad |= cli_json_set(o, "sense", json_string(po_model_sense(model) ==
                                                    PO_MAXIMIZE ? "maximize"
                                                                : "minimize"));
        bad |= cli_json_set(o, "objective",
                            po_result_has_solution(result)
                                ? cli_json_num(po_result_objective(result))
                                : json_null());
        if (mip) {
            bad |= cli_json_set(o, "best_bound",
                                cli_json_num(po_result_best_bound(result)));
            bad |= cli_json_set(o, "gap", cli_json_num(po_result_gap(result)));
        }
        bad |= cli_json_solver_stats(o, model, result);
        bad |= cli_json_set(o, "variables", variables(model, result));
        bad |= cli_json_set(o, "constraints", constraints(model, result));
        bad |= cli_json_set(o, "reduced_costs", reduced_costs(model, result));
    }
    if (bad)
        out->failed = 1; /* reported by the caller as out of memory */
    else
        cli_json_dump(out, o);
    json_decref(o);
}
