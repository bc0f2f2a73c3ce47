/*
 * export_cmd.c -- `procopt export MODEL.json -o OUT`: the LP/MIP a process
 * model compiles to, with readable names, so any peer solver (glpsol, cbc,
 * HiGHS) can check procopt's answer.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static const char export_help[] =
    "Usage: procopt export [OPTIONS] MODEL -o OUT\n"
    "Compile a process model (.json) and write the LP/MIP it compiles to.\n"
    "\n"
    "MODEL is a process model; '-' reads standard input.  OUT is written whole\n"
    "or not at all; '-' is standard output and needs --to.  The model minimizes\n"
    "the total cost (a max_margin model's margin is minus its optimum).\n"
    "\n"
    "  -o, --output=OUT   the file to write (required)\n"
    "  -t, --to=FMT       mps (fixed), freemps or lp (default: from OUT's\n"
    "                     extension: .lp is CPLEX LP, .mps free MPS)\n"
    "  -b, --baseline     the baseline model: every activity level fixed at\n"
    "                     today's plan (rows base.ACT.PERIOD)\n"
    "  -f, --format=FMT   format of MODEL: json only (accepted for symmetry)\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit status: 0 written, 1 bad input or I/O error, 2 usage error.\n";

static const struct option export_options[] = {
    {"output", required_argument, NULL, 'o'},
    {"to", required_argument, NULL, 't'},
    {"baseline", no_argument, NULL, 'b'},
    {"format", required_argument, NULL, 'f'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

/* An existing target that is not a regular file (a device such as
 * /dev/null, a FIFO) must be written into, never renamed over: the
 * library's whole-or-nothing write would replace /dev/null itself with a
 * regular file when run as root. */
static int is_special(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

/* Copy the finished file `src` into `dst` ("-": standard output). */
static int copy_out(const char *src, const char *dst)
{
    char chunk[65536];
    size_t n;
    FILE *in, *out;
    int werr = 0;

    if (strcmp(dst, "-") == 0)
        return cli_cat_to_stdout(src);
    in = fopen(src, "rb");
    if (!in) {
        cli_error("%s: %s", src, strerror(errno));
        return -1;
    }
    out = fopen(dst, "wb");
    if (!out) {
        cli_error("%s: cannot write: %s", dst, strerror(errno));
        fclose(in);
        return -1;
    }
    while (!werr && (n = fread(chunk, 1, sizeof chunk, in)) > 0)
        if (fwrite(chunk, 1, n, out) != n)
            werr = errno ? errno : EIO;
    if (!werr && ferror(in)) {
        cli_error("%s: %s", src, strerror(errno));
        fclose(in);
        fclose(out);
        return -1;
    }
    if (fclose(out) != 0 && !werr)
        werr = errno;
    fclose(in);
    if (werr) {
        cli_error("%s: cannot write: %s", dst, strerror(werr));
        return -1;
    }
    return 0;
}

int cli_export_process(const char *in, const char *in_path, int baseline,
                       const char *out, const char *out_path, po_format out_fmt)
{
    po_process *p = po_process_new();
    po_model *model = NULL;
    cli_tmp tmp = {0};
    po_status st;
    int rc = 0;

    if (!p) {
        cli_error("%s: out of memory", in);
        return CLI_EXIT_ERROR;
    }
    if (out_path == out && is_special(out)) {
        out_path = cli_tmp_out_path(&tmp, out_fmt);
        if (!out_path) {
            po_process_free(p);
            return CLI_EXIT_ERROR;
        }
    }
    if (strcmp(in_path, "-") == 0)
        st = po_process_load_stream(p, stdin, "-");
    else
        st = po_process_load_file(p, in_path);
    if (st == PO_OK)
        st = baseline ? po_process_compile_baseline(p, &model)
                      : po_process_compile(p, &model);
    if (st != PO_OK) {
        cli_process_errors(p, in_path, in);
        rc = CLI_EXIT_ERROR;
    } else if (po_model_write(model, out_path, out_fmt) != PO_OK) {
        cli_lib_error(out_path, out, po_model_errmsg(model));
        rc = CLI_EXIT_ERROR;
    } else if (out_path != out && copy_out(out_path, out) != 0) {
        rc = CLI_EXIT_ERROR;
    }
    po_model_free(model);
    po_process_free(p);
    cli_tmp_cleanup(&tmp);
    return rc;
}

int cli_cmd_export(int argc, char **argv)
{
    const char *in, *out = NULL, *out_path, *to_name = NULL, *from_name = NULL;
    po_format fmt = PO_FORMAT_AUTO, out_fmt = PO_FORMAT_AUTO;
    cli_tmp tmp = {0};
    int c, rc, baseline = 0;

    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":o:t:bf:h", export_options, NULL)) != -1) {
        switch (c) {
        case 'o':
            out = optarg;
            break;
        case 't':
            to_name = optarg;
            break;
        case 'b':
            baseline = 1;
            break;
        case 'f':
            from_name = optarg;
            break;
        case 'h':
            fputs(export_help, stdout);
            return fflush(stdout) == 0 ? 0 : CLI_EXIT_ERROR;
        case ':':
            return cli_bad_option("export", argv, "missing value for option");
        default:
            return cli_bad_option("export", argv, "unknown option");
        }
    }
    if ((rc = cli_one_operand("export", "MODEL", argc, argv, &in)) != 0)
        return rc;
    if (!out)
        return cli_usage_error("export", "missing -o OUT");

    if (from_name) {
        if (po_format_parse(from_name, &fmt) != PO_OK || fmt != PO_FORMAT_JSON)
            return cli_usage_error("export", "export reads process models "
                                   "(--format json), not '%s'", from_name);
    } else if (strcmp(in, "-") != 0 &&
               po_format_from_path(in) != PO_FORMAT_JSON) {
        return cli_usage_error("export", "%s: not a process model (.json); "
                               "'procopt convert' writes LP/MIP files", in);
    }
    if ((rc = cli_output_format("export", to_name, out, &out_fmt)) != 0)
        return rc;

    /* The library writes files by name, whole or not at all: standard
     * output goes through a temporary file (special files too, see
     * cli_export_process). */
    out_path = out;
    if (strcmp(out, "-") == 0) {
        out_path = cli_tmp_out_path(&tmp, out_fmt);
        if (!out_path) {
            cli_tmp_cleanup(&tmp);
            return CLI_EXIT_ERROR;
        }
    }
    rc = cli_export_process(in, in, baseline, out, out_path, out_fmt);
    cli_tmp_cleanup(&tmp);
    return rc;
}
