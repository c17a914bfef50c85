/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The script language's own commands: echo, exit, goto, isset, iseq,
 * sleep, help. */

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/command.h>
#include <wireboot/compiler.h>
#include <wireboot/parseopt.h>
#include <wireboot/script.h>
#include <usr/jobwait.h>

PROVIDE_OBJECT(script_cmd);

struct echo_options {
	bool no_newline;
};

static const struct option_descriptor echo_opts[] = {
	OPTION(NULL, 'n', parseopt_flag, struct echo_options, no_newline, NULL),
};

/* What echo prints is data: "echo -x" prints "-x". */
static const struct command_descriptor echo_cmd = {
	.options = echo_opts, .num_options = ARRAY_SIZE(echo_opts),
	.min_args = 0, .max_args = PARSEOPT_MANY, .args_usage = "[text...]",
	.unknown_is_positional = true,
};

static int echo_exec(int argc, char **argv)
{
	struct echo_options opts = { 0 };
	int first = parse_options(argc, argv, &echo_cmd, &opts);
	char *text;

	if (first <= 0)
		return first;
	text = concat_args(argc - first, argv + first);
	if (!text)
		return -ENOMEM;
	printf("%s%s", text, opts.no_newline ? "" : "\n");
	free(text);
	return 0;
}

/* The status is the script's result: 0 is success, any other number a
 * failure the caller sees. */
static const struct command_descriptor exit_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(0, 1, "[status 0-255]");

static int exit_exec(int argc, char **argv)
{
	int first = parse_options(argc, argv, &exit_cmd, NULL);
	unsigned int status = 0;

	if (first <= 0)
		return first;
	if (first < argc && (parse_integer(argv[first], &status) || status > 255)) {
		printf("%s: invalid status '%s'\n", argv[0], argv[first]);
		print_usage(argv[0], &exit_cmd);
		return -EINVAL;
	}
	script_exit();
	return (int)status;
}

static const struct command_descriptor goto_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(1, 1, "<label>");

static int goto_exec(int argc, char **argv)
{
	int first = parse_options(argc, argv, &goto_cmd, NULL);
	int rc;

	if (first <= 0)
		return first;
	rc = script_goto(argv[first]);
	if (rc == -ENOENT)
		printf("goto: no label ':%s' in this script\n", argv[first]);
	else if (rc == -ENOTSUP)
		printf("goto: only scripts have labels\n");
	return rc;
}

/* The values compared are data: "iseq -1 ${x}" compares "-1". */
static const struct command_descriptor isset_cmd = {
	.min_args = 0, .max_args = 1, .args_usage = "<value>",
	.unknown_is_positional = true,
};
static const struct command_descriptor iseq_cmd = {
	.min_args = 2, .max_args = 2, .args_usage = "<value1> <value2>",
	.unknown_is_positional = true,
};

/* Success if the (expanded) value is not empty: "isset ${filename}". */
static int isset_exec(int argc, char **argv)
{
	int first = parse_options(argc, argv, &isset_cmd, NULL);

	if (first <= 0)
		return first;
	return (first < argc && argv[first][0]) ? 0 : -ENOENT;
}

static int iseq_exec(int argc, char **argv)
{
	int first = parse_options(argc, argv, &iseq_cmd, NULL);

	if (first <= 0)
		return first;
	return strcmp(argv[first], argv[first + 1]) == 0 ? 0 : -ERANGE;
}

static const struct command_descriptor sleep_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(1, 1, "<seconds>");

/* Ctrl-C ends the wait early, and the command fails: "sleep 5 || ...". */
static int sleep_exec(int argc, char **argv)
{
	int first = parse_options(argc, argv, &sleep_cmd, NULL);
	unsigned int seconds;

	if (first <= 0)
		return first;
	if (parse_integer(argv[first], &seconds)) {
		printf("%s: invalid number of seconds '%s'\n", argv[0],
		       argv[first]);
		print_usage(argv[0], &sleep_cmd);
		return -EINVAL;
	}
	return wait_us((uint64_t)seconds * 1000000);
}

static const struct command_descriptor help_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(0, 0, "");

#define HELP_COLUMN 16
#define HELP_WIDTH 80

/* Every command of this build, in columns, as "help" lists them. */
static int help_exec(int argc, char **argv)
{
	int first = parse_options(argc, argv, &help_cmd, NULL);
	const struct command *command;
	unsigned column = 0;

	if (first <= 0)
		return first;
	printf("Available commands:\n\n");
	for_each_table_entry(command, commands) {
		unsigned len = (unsigned)strlen(command->name);
		unsigned width = (len / HELP_COLUMN + 1) * HELP_COLUMN;

		if (column && column + len >= HELP_WIDTH) {
			printf("\n");
			column = 0;
		}
		printf("%-*s", (int)width, command->name);
		column += width;
	}
	printf("\n\nType \"<command> --help\" for further information\n\n");
	return 0;
}

COMMAND(echo_command) = { .name = "echo", .exec = echo_exec };
COMMAND(sleep_command) = { .name = "sleep", .exec = sleep_exec };
COMMAND(help_command) = { .name = "help", .exec = help_exec };
COMMAND(exit_command) = { .name = "exit", .exec = exit_exec };
COMMAND(goto_command) = { .name = "goto", .exec = goto_exec };
COMMAND(isset_command) = { .name = "isset", .exec = isset_exec };
COMMAND(iseq_command) = { .name = "iseq", .exec = iseq_exec };
