/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The interactive settings editor as a command (see usr/config_ui.h). */

#include <errno.h>
#include <stdio.h>
#include <usr/config_ui.h>
#include <wireboot/command.h>
#include <wireboot/parseopt.h>

PROVIDE_OBJECT(config_cmd);

static const struct command_descriptor config_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(0, 1, "[scope]");

static int config_exec(int argc, char **argv)
{
	int first = parse_options(argc, argv, &config_cmd, NULL);
	const char *scope;
	int rc;

	if (first <= 0)
		return first;
	scope = first < argc ? argv[first] : "";
	rc = config_ui(scope);
	if (errno_base(rc) == -ENOENT)
		printf("%s: no settings block '%s'\n", argv[0], scope);
	return rc;
}

COMMAND(config_command) = { .name = "config", .exec = config_exec };
