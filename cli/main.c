/*
 * main.c -- the procopt command: dispatch to the subcommands.
 *
 * A subcommand is one line in the table below and one function taking the
 * arguments from its own name on, so that `export` and `assess` (process
 * models) are small additions.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"solve", cli_cmd_solve, "solve an LP/MIP model and report the result"},
    {"convert", cli_cmd_convert,
     "convert a model to MPS, free MPS or CPLEX LP"},
    {"export", cli_cmd_export,
     "write the LP/MIP a process model (.json) compiles to"},
    {"assess", cli_cmd_assess,
     "savings of a process model under uncertainty, and the MVP's economics"},
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static int print_help(void)
{
    printf("Usage: procopt COMMAND [OPTIONS] [ARGS]\n"
           "Optimize processes: solve LP/MIP models with GLPK and report plans.\n"
           "\n"
           "Commands:\n");
    for (size_t i = 0; i < NCOMMANDS; i++)
        printf("  %-10s %s\n", commands[i].name, commands[i].summary);
    printf("  %-10s %s\n", "help", "help on a command: procopt help COMMAND");
    printf("\n"
           "Options:\n"
           "  -h, --help     this help\n"
           "  -V, --version  the versions of procopt and GLPK\n"
           "\n"
           "'procopt COMMAND --help' describes a command; the manual is "
           "procopt(1).\n");
    return fflush(stdout) == 0 ? 0 : CLI_EXIT_ERROR;
}

static int print_version(void)
{
    printf("procopt %s (GLPK %s)\n"
           "Copyright (C) 2026 the procopt developers.\n"
           "License GPL-3.0-or-later: GNU GPL version 3 or later "
           "<https://gnu.org/licenses/gpl.html>.\n"
           "This is free software: you are free to change and redistribute it.\n"
           "There is NO WARRANTY, to the extent permitted by law.\n",
           po_version(), po_glpk_version());
    return fflush(stdout) == 0 ? 0 : CLI_EXIT_ERROR;
}

static const command *find_command(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

int main(int argc, char **argv)
{
    const command *cmd;
    const char *name = argc > 1 ? argv[1] : NULL;

    if (!name)
        return cli_usage_error(NULL, "missing command (solve, convert, export, assess)");
    if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0)
        return print_help();
    if (strcmp(name, "-V") == 0 || strcmp(name, "--version") == 0)
        return print_version();
    if (strcmp(name, "help") == 0) {
        char help[] = "--help";
        char *args[3];
        if (argc < 3)
            return print_help();
        cmd = find_command(argv[2]);
        if (!cmd)
            return cli_usage_error(NULL, "unknown command '%s'", argv[2]);
        args[0] = argv[2];
        args[1] = help;
        args[2] = NULL;
        return cmd->run(2, args);
    }
    if (name[0] == '-')
        return cli_usage_error(NULL, "unknown option '%s'", name);
    cmd = find_command(name);
    if (!cmd)
        return cli_usage_error(NULL, "unknown command '%s'", name);
    return cmd->run(argc - 1, argv + 1);
}
