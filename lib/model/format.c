/*
 * format.c -- file format names and detection from a path's extension.
 */
#include "procopt.h"

#include <string.h>
#include <strings.h>

static const char *const format_names[] = {
    "auto", "mps", "freemps", "lp", "gmpl", "json",
};
#define N_FORMATS (sizeof format_names / sizeof format_names[0])

const char *po_format_name(po_format format)
{
    if ((int)format < 0 || (size_t)format >= N_FORMATS)
        return NULL;
    return format_names[format];
}

po_status po_format_parse(const char *name, po_format *format)
{
    if (name == NULL || format == NULL)
        return PO_EINVAL;
    for (size_t i = 0; i < N_FORMATS; i++) {
        if (strcasecmp(name, format_names[i]) == 0) {
            *format = (po_format)i;
            return PO_OK;
        }
    }
    /* Common spellings people type (glpsol's option names, file
     * extensions). */
    static const struct {
        const char *alias;
        po_format format;
    } aliases[] = {
        {"fixedmps", PO_FORMAT_MPS}, {"free-mps", PO_FORMAT_FREEMPS},
        {"cplex", PO_FORMAT_LP},     {"cpxlp", PO_FORMAT_LP},
        {"mathprog", PO_FORMAT_GMPL}, {"mod", PO_FORMAT_GMPL},
    };
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
        if (strcasecmp(name, aliases[i].alias) == 0) {
            *format = aliases[i].format;
            return PO_OK;
        }
    }
    return PO_EFORMAT;
}

/* Does `s` (length n) end with `suffix`, ignoring case? */
static int ends_with(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && strncasecmp(s + n - k, suffix, k) == 0;
}

po_format po_format_from_path(const char *path)
{
    if (path == NULL)
        return PO_FORMAT_AUTO;
    size_t n = strlen(path);
    if (ends_with(path, n, ".gz"))
        n -= 3;
    if (ends_with(path, n, ".mps"))
        return PO_FORMAT_MPS;
    if (ends_with(path, n, ".lp"))
        return PO_FORMAT_LP;
    if (ends_with(path, n, ".mod"))
        return PO_FORMAT_GMPL;
    if (ends_with(path, n, ".json"))
        return PO_FORMAT_JSON;
    return PO_FORMAT_AUTO;
}
