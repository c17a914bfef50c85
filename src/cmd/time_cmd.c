/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "time <command> [args...]": runs the command (its arguments as they
 * are, already expanded) and says how long it took, "<command>: 1.234s",
 * whatever its result, which is time's own.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <wireboot/command.h>
#include <wireboot/parseopt.h>
#include <wireboot/timer.h>

PROVIDE_OBJECT(time_cmd);

static const struct command_descriptor time_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(1, PARSEOPT_MANY, "<command> [args...]");

static int time_exec(int argc, char **argv)
{
	const struct command *command;
	int first = parse_options(argc, argv, &time_cmd, NULL);
	uint64_t start, elapsed;
	int rc;

	if (first <= 0)
		return first;
	for_each_table_entry(command, commands) {
		if (strcmp(command->name, argv[first]) == 0)
			break;
	}
	if (command == TABLE_END(commands)) {
		printf("%s: command not found\n", argv[first]);
		return -ENOENT;
	}
	start = monotonic_us();
	rc = command->exec(argc - first, argv + first);
	elapsed = monotonic_us() - start;
	printf("%s: %u.%03us\n", argv[first], (unsigned)(elapsed / 1000000),
	       (unsigned)(elapsed / 1000 % 1000));
	return rc;
}

COMMAND(time_command) = { .name = "time", .exec = time_exec };
