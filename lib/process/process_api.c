/*
 * process_api.c -- the public builder calls: argument checks, name and key
 * lookup with suggestions, then the shared building code of
 * process_build.c (with no position: the model was not written in a file).
 */
#include "process.h"
#include "model.h"

#include <stdio.h>
#include <string.h>

#define NAMEBUF 64

/* Every public builder call starts here. */
static int begin(po_process *p)
{
    if (p == NULL)
        return 0;
    po__process_clear_errors(p);
    return 1;
}

static int find_item(po_process *p, const char *name)
{
    char nb[NAMEBUF], sb[NAMEBUF + 32];
    if (name == NULL) {
        po__perr(p, PO_EINVAL, NULL, "NULL item name");
        return -1;
    }
    int i = po__names_find(&p->item_index, name);
    if (i < 0) {
        const char *s = po__suggest_name(
            name, p->nitems ? &p->items[0].name : NULL, p->nitems,
            sizeof *p->items);
        po__perr(p, PO_ENOTFOUND, NULL, "no item \"%s\"%s",
                 po__name_for_msg(name, nb, sizeof nb),
                 po__did_you_mean(s, sb, sizeof sb));
    }
    return i;
}

static int find_act(po_process *p, const char *name)
{
    char nb[NAMEBUF], sb[NAMEBUF + 32];
    if (name == NULL) {
        po__perr(p, PO_EINVAL, NULL, "NULL activity name");
        return -1;
    }
    int a = po__names_find(&p->act_index, name);
    if (a < 0) {
        const char *s = po__suggest_name(
            name, p->nacts ? &p->acts[0].name : NULL, p->nacts,
            sizeof *p->acts);
        po__perr(p, PO_ENOTFOUND, NULL, "no activity \"%s\"%s",
                 po__name_for_msg(name, nb, sizeof nb),
                 po__did_you_mean(s, sb, sizeof sb));
    }
    return a;
}

static int find_con(po_process *p, const char *name)
{
    char nb[NAMEBUF];
    if (name == NULL) {
        po__perr(p, PO_EINVAL, NULL, "NULL constraint name");
        return -1;
    }
    int c = po__names_find(&p->con_index, name);
    if (c < 0)
        po__perr(p, PO_ENOTFOUND, NULL, "no constraint \"%s\"",
                 po__name_for_msg(name, nb, sizeof nb));
    return c;
}

/* Index of key in table, or -1 after recording an "unknown key" error in
 * the words a file gets. */
static int find_key(po_process *p, const char *const *table, int n,
                    const char *key, const char *kind, const char *owner)
{
    char nb[NAMEBUF], kb[NAMEBUF], sb[NAMEBUF + 32];
    if (key == NULL) {
        po__perr(p, PO_EINVAL, NULL, "NULL key");
        return -1;
    }
    int k = po__key_index(table, n, key);
    if (k < 0)
        po__perr(p, PO_EINVAL, NULL, "unknown key \"%s\" in %s \"%s\"%s",
                 po__name_for_msg(key, kb, sizeof kb), kind,
                 po__name_for_msg(owner, nb, sizeof nb),
                 po__did_you_mean(po__suggest(key, table, n), sb, sizeof sb));
    return k;
}

po_status po_process_set_periods(po_process *p, int n,
                                 const char *const *names)
{
    if (!begin(p))
        return PO_EINVAL;
    return po__set_periods(p, n, names, NULL);
}

po_status po_process_add_item(po_process *p, const char *name)
{
    if (!begin(p))
        return PO_EINVAL;
    return po__add_item(p, name, NULL, NULL);
}

po_status po_process_set_item_param(po_process *p, const char *item,
                                    const char *key, const double *values,
                                    int n)
{
    if (!begin(p))
        return PO_EINVAL;
    int i = find_item(p, item);
    if (i < 0)
        return po__process_status(p);
    int k = find_key(p, po__item_keys, PO__I_NKEYS, key, "item", item);
    if (k < 0)
        return po__process_status(p);
    return po__set_item_param(p, i, k, values, n, NULL);
}

po_status po_process_add_activity(po_process *p, const char *name)
{
    if (!begin(p))
        return PO_EINVAL;
    return po__add_activity(p, name, NULL, NULL);
}

po_status po_process_set_activity_param(po_process *p, const char *activity,
                                        const char *key, const double *values,
                                        int n)
{
    if (!begin(p))
        return PO_EINVAL;
    int a = find_act(p, activity);
    if (a < 0)
        return po__process_status(p);
    int k = find_key(p, po__activity_keys, PO__A_NKEYS, key, "activity",
                     activity);
    if (k < 0)
        return po__process_status(p);
    return po__set_activity_param(p, a, k, values, n, NULL);
}

po_status po_process_set_activity_flag(po_process *p, const char *activity,
                                       const char *flag, int on)
{
    if (!begin(p))
        return PO_EINVAL;
    int a = find_act(p, activity);
    if (a < 0)
        return po__process_status(p);
    if (flag == NULL)
        return po__perr(p, PO_EINVAL, NULL, "NULL flag");
    return po__set_activity_flag(p, a, flag, on, NULL);
}

po_status po_process_set_rate(po_process *p, const char *activity,
                              const char *direction, const char *item,
                              double rate)
{
    if (!begin(p))
        return PO_EINVAL;
    int a = find_act(p, activity);
    if (a < 0)
        return po__process_status(p);
    if (direction == NULL ||
        (strcmp(direction, "in") != 0 && strcmp(direction, "out") != 0))
        return po__perr(p, PO_EINVAL, NULL,
                        "rate direction must be \"in\" or \"out\"");
    return po__add_rate(p, a, direction[0] == 'o', item, rate, NULL);
}

po_status po_process_add_constraint(po_process *p, const char *name)
{
    if (!begin(p))
        return PO_EINVAL;
    return po__add_constraint(p, name, NULL, NULL);
}

po_status po_process_set_constraint_param(po_process *p,
                                          const char *constraint,
                                          const char *key,
                                          const double *values, int n)
{
    if (!begin(p))
        return PO_EINVAL;
    int c = find_con(p, constraint);
    if (c < 0)
        return po__process_status(p);
    int k = find_key(p, po__constraint_keys, PO__C_NKEYS, key, "constraint",
                     constraint);
    if (k < 0)
        return po__process_status(p);
    return po__set_constraint_param(p, c, k, values, n, NULL);
}

po_status po_process_set_constraint_term(po_process *p,
                                         const char *constraint,
                                         const char *activity, double coef)
{
    if (!begin(p))
        return PO_EINVAL;
    int c = find_con(p, constraint);
    if (c < 0)
        return po__process_status(p);
    return po__add_term(p, c, activity, coef, NULL);
}

po_status po_process_set_baseline(po_process *p, const char *activity,
                                  const double *levels, int n)
{
    if (!begin(p))
        return PO_EINVAL;
    return po__set_baseline(p, activity, levels, n, NULL);
}

po_status po_process_add_uncertainty(po_process *p, po_unc_param param,
                                     const char *name, po_unc_dist dist,
                                     double value)
{
    if (!begin(p))
        return PO_EINVAL;
    return po__add_uncertainty(p, param, name, dist, value, NULL);
}

po_status po_process_validate(po_process *p)
{
    if (!begin(p))
        return PO_EINVAL;
    return po__process_check(p);
}
