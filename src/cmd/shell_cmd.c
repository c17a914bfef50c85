/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The interactive shell as a command (see usr/shell.h). */

#include <usr/shell.h>
#include <wireboot/command.h>
#include <wireboot/parseopt.h>

PROVIDE_OBJECT(shell_cmd);

static const struct command_descriptor shell_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(0, 0, "");

static int shell_exec(int argc, char **argv)
{
	int first = parse_options(argc, argv, &shell_cmd, NULL);

	if (first <= 0)
		return first;
	return shell();
}

COMMAND(shell_command) = { .name = "shell", .exec = shell_exec };
