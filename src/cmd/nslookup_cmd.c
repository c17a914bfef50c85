/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Name lookup: "nslookup <setting> <name>" (see usr/nslookup.h). */

#include <usr/nslookup.h>
#include <wireboot/command.h>
#include <wireboot/parseopt.h>

PROVIDE_OBJECT(nslookup_cmd);

static const struct command_descriptor nslookup_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(2, 2, "<setting> <name>");

static int nslookup_exec(int argc, char **argv)
{
	int first = parse_options(argc, argv, &nslookup_cmd, NULL);

	if (first <= 0)
		return first;
	return nslookup(argv[first], argv[first + 1]);
}

COMMAND(nslookup_command) = { .name = "nslookup", .exec = nslookup_exec };
