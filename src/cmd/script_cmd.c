/* The script language's own commands: echo, exit, goto, isset, iseq. */

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/command.h>
#include <wireboot/script.h>

PROVIDE_OBJECT(script_cmd);

static int echo_exec(int argc, char **argv)
{
	bool newline = !(argc > 1 && strcmp(argv[1], "-n") == 0);
	int first = newline ? 1 : 2;
	char *text = concat_args(argc - first, argv + first);

	if (!text)
		return -ENOMEM;
	printf("%s%s", text, newline ? "\n" : "");
	free(text);
	return 0;
}

/* The status is the script's result: 0 is success, any other number a
 * failure the caller sees. */
static int exit_exec(int argc, char **argv)
{
	unsigned long status = 0;
	char *end;

	if (argc > 2)
		return command_usage(argv[0], "[status]");
	if (argc == 2) {
		status = strtoul(argv[1], &end, 0);
		if (!*argv[1] || *end || status > 255)
			return command_usage(argv[0], "[status 0-255]");
	}
	script_exit();
	return (int)status;
}

static int goto_exec(int argc, char **argv)
{
	int rc;

	if (argc != 2)
		return command_usage(argv[0], "<label>");
	rc = script_goto(argv[1]);
	if (rc == -ENOENT)
		printf("goto: no label ':%s' in this script\n", argv[1]);
	else if (rc == -ENOTSUP)
		printf("goto: only scripts have labels\n");
	return rc;
}

/* Success if the (expanded) value is not empty: "isset ${filename}". */
static int isset_exec(int argc, char **argv)
{
	if (argc > 2)
		return command_usage(argv[0], "<value>");
	return (argc == 2 && argv[1][0]) ? 0 : -ENOENT;
}

static int iseq_exec(int argc, char **argv)
{
	if (argc != 3)
		return command_usage(argv[0], "<value1> <value2>");
	return strcmp(argv[1], argv[2]) == 0 ? 0 : -ERANGE;
}

COMMAND(echo_command) = { .name = "echo", .exec = echo_exec };
COMMAND(exit_command) = { .name = "exit", .exec = exit_exec };
COMMAND(goto_command) = { .name = "goto", .exec = goto_exec };
COMMAND(isset_command) = { .name = "isset", .exec = isset_exec };
COMMAND(iseq_command) = { .name = "iseq", .exec = iseq_exec };
