/*
 * convert_cmd.c -- `procopt convert [options] IN -o OUT`: read any LP/MIP
 * format the library reads, write MPS, free MPS or CPLEX LP.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char convert_help[] =
    "Usage: procopt convert [OPTIONS] IN -o OUT\n"
    "Read an LP/MIP model and write it in another format.\n"
    "\n"
    "IN is read as by 'procopt solve' (MPS, free MPS, CPLEX LP, GNU MathProg;\n"
    "'-' is standard input and needs --format); a process model (.json) is\n"
    "compiled as by 'procopt export'.  OUT is written whole or not at all;\n"
    "'-' is standard output and needs --to.\n"
    "\n"
    "  -f, --format=FMT   format of IN: mps, freemps, lp or gmpl (default: from\n"
    "                     the extension)\n"
    "  -d, --data=FILE    GNU MathProg data file\n"
    "  -o, --output=OUT   the file to write (required)\n"
    "  -t, --to=FMT       format of OUT: mps (fixed), freemps or lp (default:\n"
    "                     from OUT's extension: .lp is CPLEX LP, .mps free MPS)\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit status: 0 written, 1 bad input or I/O error, 2 usage error.\n";

static const struct option convert_options[] = {
    {"format", required_argument, NULL, 'f'},
    {"data", required_argument, NULL, 'd'},
    {"output", required_argument, NULL, 'o'},
    {"to", required_argument, NULL, 't'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

static int convert(const char *in, const char *in_path, const char *data,
                   const char *data_path, po_format in_fmt, int in_given,
                   const char *out,
                   const char *out_path, po_format out_fmt)
{
    po_model *model = po_model_new();
    size_t n = data_path ? strlen(data_path) : 0;
    const char *msg;
    int rc = 0;

    if (!model) {
        cli_error("%s: out of memory", in);
        return CLI_EXIT_ERROR;
    }
    if (po_model_read(model, in_path, in_given ? in_fmt : PO_FORMAT_AUTO,
                      data_path) != PO_OK) {
        msg = po_model_errmsg(model);
        if (data_path && strncmp(msg, data_path, n) == 0 && msg[n] == ':')
            cli_lib_error(data_path, data, msg);
        else
            cli_lib_error(in_path, in, msg);
        rc = CLI_EXIT_ERROR;
    } else if (po_model_write(model, out_path, out_fmt) != PO_OK) {
        cli_lib_error(out_path, out, po_model_errmsg(model));
        rc = CLI_EXIT_ERROR;
    } else if (out_path != out && cli_cat_to_stdout(out_path) != 0) {
        rc = CLI_EXIT_ERROR;
    }
    po_model_free(model);
    return rc;
}

int cli_cmd_convert(int argc, char **argv)
{
    const char *in, *in_path, *data = NULL, *data_path, *out = NULL, *out_path;
    const char *from_name = NULL, *to_name = NULL;
    po_format in_fmt = PO_FORMAT_AUTO, out_fmt = PO_FORMAT_AUTO;
    cli_tmp tmp = {0};
    int c, rc = 0, in_fmt_given;

    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":f:d:o:t:h", convert_options, NULL)) != -1) {
        switch (c) {
        case 'f':
            from_name = optarg;
            break;
        case 'd':
            data = optarg;
            break;
        case 'o':
            out = optarg;
            break;
        case 't':
            to_name = optarg;
            break;
        case 'h':
            fputs(convert_help, stdout);
            return fflush(stdout) == 0 ? 0 : CLI_EXIT_ERROR;
        case ':':
            return cli_bad_option("convert", argv, "missing value for option");
        default:
            return cli_bad_option("convert", argv, "unknown option");
        }
    }
    if ((rc = cli_one_operand("convert", "IN", argc, argv, &in)) != 0)
        return rc;
    if (!out)
        return cli_usage_error("convert", "missing -o OUT");

    if (from_name && po_format_parse(from_name, &in_fmt) != PO_OK)
        return cli_usage_error("convert", "unknown format '%s' (mps, freemps, "
                               "lp or gmpl)", from_name);
    in_fmt_given = in_fmt != PO_FORMAT_AUTO;
    if (in_fmt == PO_FORMAT_AUTO) {
        if (strcmp(in, "-") == 0)
            return cli_usage_error("convert", "reading standard input needs "
                                   "--format");
        in_fmt = po_format_from_path(in);
        if (in_fmt == PO_FORMAT_AUTO)
            return cli_usage_error("convert", "%s: cannot tell the format from "
                                   "the file name; use --format", in);
    }
    if (data && in_fmt != PO_FORMAT_GMPL)
        return cli_usage_error("convert", "--data is for GNU MathProg models only");
    if ((rc = cli_output_format("convert", to_name, out, &out_fmt)) != 0)
        return rc;
    if (strcmp(in, "-") == 0 && data && strcmp(data, "-") == 0)
        return cli_usage_error("convert", "standard input can be IN or --data, "
                               "not both");

    in_path = in;
    data_path = data;
    out_path = out;
    if (strcmp(in, "-") == 0)
        rc = cli_stdin_to_file(&tmp, in_fmt == PO_FORMAT_LP     ? "stdin.lp"
                                     : in_fmt == PO_FORMAT_GMPL ? "stdin.mod"
                                                                : "stdin.mps",
                               &in_path);
    else if (data && strcmp(data, "-") == 0)
        rc = cli_stdin_to_file(&tmp, "stdin.dat", &data_path);
    if (rc == 0 && strcmp(out, "-") == 0) {
        out_path = cli_tmp_out_path(&tmp, out_fmt);
        if (!out_path)
            rc = -1;
    }
    /* A process model is compiled, as `procopt export` does. */
    if (rc == 0 && in_fmt == PO_FORMAT_JSON)
        rc = cli_export_process(in, in_path, 0, out, out_path, out_fmt);
    else
        rc = rc == 0 ? convert(in, in_path, data, data_path, in_fmt,
                               in_fmt_given, out, out_path, out_fmt)
                     : CLI_EXIT_ERROR;
    cli_tmp_cleanup(&tmp);
    return rc;
}
