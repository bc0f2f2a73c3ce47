/*
 * cli_util.c -- diagnostics, strict number parsing, temporary files, atomic
 * output and a small text buffer for the procopt command.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* ------------------------------------------------------------------ */
/* Diagnostics                                                        */
/* ------------------------------------------------------------------ */

/* Print "procopt: " + text + newline, with every line break and other
 * control character of `text` turned into a space: callers and scripts rely
 * on one diagnostic being one line. */
static void put_line(const char *text)
{
    fputs(CLI_PROG ": ", stderr);
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        fputc(*p < 0x20 || *p == 0x7f ? ' ' : *p, stderr);
    fputc('\n', stderr);
}

void cli_error(const char *fmt, ...)
{
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    put_line(msg);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    put_line(msg);
    fprintf(stderr, "Try '" CLI_PROG "%s%s --help' for more information.\n",
            cmd ? " " : "", cmd ? cmd : "");
    return CLI_EXIT_USAGE;
}

void cli_lib_error(const char *path, const char *shown, const char *msg)
{
    char buf[2048];
    size_t n = strlen(path), o = 0;
    if (!msg || !*msg)
        msg = "unknown error";
    if (!shown)
        shown = path;
    /* Name the file as the user gave it: a temporary copy of standard input
     * is "-" wherever the library's message mentions it. */
    if (strcmp(shown, path) != 0) {
        for (const char *p = msg; *p && o < sizeof buf - 1;) {
            if (n && strncmp(p, path, n) == 0) {
                o += (size_t)snprintf(buf + o, sizeof buf - o, "%s", shown);
                p += n;
            } else {
                buf[o++] = *p++;
            }
        }
        buf[o < sizeof buf ? o : sizeof buf - 1] = '\0';
        msg = buf;
        path = shown;
        n = strlen(path);
    }
    if (strncmp(msg, path, n) == 0 && msg[n] == ':')
        cli_error("%s", msg);
    else
        cli_error("%s: %s", shown, msg);
}

/* getopt_long leaves a bad long option at argv[optind-1] and a bad short
 * one in optopt (it also sets optopt for long options, to their value,
 * which would print "--time-limit" as "-t"). */
int cli_bad_option(const char *cmd, char **argv, const char *what)
{
    const char *arg = optind > 0 ? argv[optind - 1] : NULL;
    if (arg && strncmp(arg, "--", 2) == 0) {
        size_t n = strcspn(arg, "=");
        return cli_usage_error(cmd, "%s '%.*s'", what, (int)n, arg);
    }
    if (optopt > 0 && optopt < 128)
        return cli_usage_error(cmd, "%s '-%c'", what, optopt);
    return cli_usage_error(cmd, "%s '%s'", what, arg ? arg : "?");
}

int cli_one_operand(const char *cmd, const char *name, int argc, char **argv,
                    const char **operand)
{
    if (optind >= argc)
        return cli_usage_error(cmd, "missing %s", name);
    if (argc - optind > 1)
        return cli_usage_error(cmd, "one %s only (got '%s' and '%s')", name,
                               argv[optind], argv[optind + 1]);
    *operand = argv[optind];
    return 0;
}

/* ------------------------------------------------------------------ */
/* Numbers                                                            */
/* ------------------------------------------------------------------ */

/* strtod/strtol skip leading blanks and accept "inf"/"nan"; an option value
 * is accepted only when the whole text is a plain finite number. */
int cli_parse_nonneg(const char *text, double *value)
{
    char *end;
    double v;
    if (!text || !*text || !(text[0] == '.' || text[0] == '+' ||
                             (text[0] >= '0' && text[0] <= '9')))
        return -1;
    errno = 0;
    v = strtod(text, &end);
    if (end == text || *end != '\0' || errno == ERANGE || !isfinite(v) ||
        v < 0)
        return -1;
    *value = v;
    return 0;
}

int cli_parse_count(const char *text, long *value)
{
    char *end;
    long v;
    if (!text || !(text[0] >= '0' && text[0] <= '9'))
        return -1;
    errno = 0;
    v = strtol(text, &end, 10);
    if (*end != '\0' || errno == ERANGE || v < 0)
        return -1;
    *value = v;
    return 0;
}

void cli_format_double(char out[32], double value)
{
    if (isnan(value)) {
        strcpy(out, "nan");
        return;
    }
    if (isinf(value)) {
        strcpy(out, value > 0 ? "inf" : "-inf");
        return;
    }
    if (value == 0) { /* also turns -0 into 0 */
        strcpy(out, "0");
        return;
    }
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(out, 32, "%.*g", digits, value);
        if (strtod(out, NULL) == value)
            return;
    }
}

/* ------------------------------------------------------------------ */
/* Text buffer                                                        */
/* ------------------------------------------------------------------ */

static int buf_reserve(cli_buf *buf, size_t extra)
{
    size_t need, cap;
    char *p;
    if (buf->failed)
        return -1;
    if (extra > SIZE_MAX - buf->len - 1)
        goto fail;
    need = buf->len + extra + 1;
    if (need <= buf->cap)
        return 0;
    cap = buf->cap ? buf->cap : 256;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    p = realloc(buf->data, cap);
    if (!p)
        goto fail;
    buf->data = p;
    buf->cap = cap;
    return 0;
fail:
    buf->failed = 1;
    return -1;
}

void cli_buf_append(cli_buf *buf, const char *text, size_t len)
{
    if (buf_reserve(buf, len) != 0)
        return;
    memcpy(buf->data + buf->len, text, len);
    buf->len += len;
    buf->data[buf->len] = '\0';
}

void cli_buf_printf(cli_buf *buf, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        buf->failed = 1;
        return;
    }
    if (buf_reserve(buf, (size_t)n) != 0)
        return;
    va_start(ap, fmt);
    vsnprintf(buf->data + buf->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    buf->len += (size_t)n;
}

void cli_buf_free(cli_buf *buf)
{
    free(buf->data);
    buf->data = NULL;
    buf->len = buf->cap = 0;
}

/* ------------------------------------------------------------------ */
/* Temporary files                                                    */
/* ------------------------------------------------------------------ */

static int tmp_ensure_dir(cli_tmp *tmp)
{
    const char *base;
    if (tmp->dir[0])
        return 0;
    base = getenv("TMPDIR");
    if (!base || !*base || strlen(base) > sizeof tmp->dir - 20)
        base = "/tmp";
    snprintf(tmp->dir, sizeof tmp->dir, "%s/procopt-XXXXXX", base);
    if (!mkdtemp(tmp->dir)) {
        cli_error("%s: cannot create a temporary directory: %s", base,
                  strerror(errno));
        tmp->dir[0] = '\0';
        return -1;
    }
    return 0;
}

const char *cli_tmp_path(cli_tmp *tmp, const char *name)
{
    size_t n;
    char *path;
    if (tmp->nfiles >= (int)(sizeof tmp->files / sizeof tmp->files[0])) {
        cli_error("internal error: too many temporary files");
        return NULL;
    }
    if (tmp_ensure_dir(tmp) != 0)
        return NULL;
    n = strlen(tmp->dir) + 1 + strlen(name) + 1;
    path = malloc(n);
    if (!path) {
        cli_error("out of memory");
        return NULL;
    }
    snprintf(path, n, "%s/%s", tmp->dir, name);
    tmp->files[tmp->nfiles++] = path;
    return path;
}

int cli_stdin_to_file(cli_tmp *tmp, const char *name, const char **path)
{
    char chunk[65536];
    size_t n;
    FILE *f;
    const char *p = cli_tmp_path(tmp, name);
    if (!p)
        return -1;
    f = fopen(p, "wb");
    if (!f) {
        cli_error("%s: %s", p, strerror(errno));
        return -1;
    }
    while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0) {
        if (fwrite(chunk, 1, n, f) != n) {
            cli_error("%s: %s", p, strerror(errno));
            fclose(f);
            return -1;
        }
    }
    if (ferror(stdin)) {
        cli_error("-: cannot read standard input: %s", strerror(errno));
        fclose(f);
        return -1;
    }
    if (fclose(f) != 0) {
        cli_error("%s: %s", p, strerror(errno));
        return -1;
    }
    *path = p;
    return 0;
}

void cli_tmp_cleanup(cli_tmp *tmp)
{
    for (int i = 0; i < tmp->nfiles; i++) {
        unlink(tmp->files[i]);
        free(tmp->files[i]);
    }
    tmp->nfiles = 0;
    if (tmp->dir[0])
        rmdir(tmp->dir);
    tmp->dir[0] = '\0';
}

/* ------------------------------------------------------------------ */
/* Output                                                             */
/* ------------------------------------------------------------------ */

static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

int cli_write_output(const char *path, const char *data, size_t len)
{
    char *tmp;
    const char *slash;
    size_t dirlen, n;
    int fd, saved;

    if (strcmp(path, "-") == 0) {
        if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
            cli_error("standard output: %s", strerror(errno));
            return -1;
        }
        return 0;
    }
    /* A device or FIFO (-o /dev/null) is written into: renaming over it
     * would replace /dev/null itself when run as root. */
    {
        struct stat st;
        if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
            fd = open(path, O_WRONLY | O_TRUNC);
            if (fd < 0 || write_all(fd, data, len) != 0) {
                saved = errno;
                if (fd >= 0)
                    close(fd);
                cli_error("%s: cannot write: %s", path, strerror(saved));
                return -1;
            }
            if (close(fd) != 0) {
                cli_error("%s: cannot write: %s", path, strerror(errno));
                return -1;
            }
            return 0;
        }
    }
    /* The temporary file must sit in the target's directory so the rename
     * is atomic (same file system). */
    slash = strrchr(path, '/');
    dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    n = strlen(path) + 32;
    tmp = malloc(n);
    if (!tmp) {
        cli_error("out of memory");
        return -1;
    }
    snprintf(tmp, n, "%.*s.procopt-out-XXXXXX", (int)dirlen, path);
    fd = mkstemp(tmp);
    if (fd < 0) {
        cli_error("%s: cannot create: %s", path, strerror(errno));
        free(tmp);
        return -1;
    }
    /* mkstemp creates 0600; an output file gets the usual umask mode. */
    {
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, 0666 & ~mask);
    }
    if (write_all(fd, data, len) != 0 || fsync(fd) != 0) {
        saved = errno;
        close(fd);
        unlink(tmp);
        cli_error("%s: cannot write: %s", path, strerror(saved));
        free(tmp);
        return -1;
    }
    if (close(fd) != 0 || rename(tmp, path) != 0) {
        saved = errno;
        unlink(tmp);
        cli_error("%s: cannot write: %s", path, strerror(saved));
        free(tmp);
        return -1;
    }
    free(tmp);
    return 0;
}

int cli_cat_to_stdout(const char *src)
{
    char chunk[65536];
    size_t n;
    FILE *f = fopen(src, "rb");
    if (!f) {
        cli_error("%s: %s", src, strerror(errno));
        return -1;
    }
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (fwrite(chunk, 1, n, stdout) != n) {
            cli_error("standard output: %s", strerror(errno));
            fclose(f);
            return -1;
        }
    }
    if (ferror(f)) {
        cli_error("%s: %s", src, strerror(errno));
        fclose(f);
        return -1;
    }
    fclose(f);
    if (fflush(stdout) != 0) {
        cli_error("standard output: %s", strerror(errno));
        return -1;
    }
    return 0;
}
