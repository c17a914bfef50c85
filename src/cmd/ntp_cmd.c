/* SPDX-License-Identifier: GPL-2.0-or-later */
/* "ntp <server>": the wall clock from an NTP server (see usr/ntpmgmt.h). */

#include <usr/ntpmgmt.h>
#include <wireboot/command.h>
#include <wireboot/parseopt.h>

PROVIDE_OBJECT(ntp_cmd);

static const struct command_descriptor ntp_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(1, 1, "<server>");

static int ntp_exec(int argc, char **argv)
{
	int first = parse_options(argc, argv, &ntp_cmd, NULL);

	if (first <= 0)
		return first;
	return ntp(argv[first]);
}

COMMAND(ntp_command) = { .name = "ntp", .exec = ntp_exec };
