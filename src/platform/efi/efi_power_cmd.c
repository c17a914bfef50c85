/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The poweroff command, through the firmware's runtime services. */

#include <errno.h>
#include <stdio.h>
#include <wireboot/command.h>
#include <wireboot/efi.h>
#include <wireboot/parseopt.h>

PROVIDE_OBJECT(efi_power_cmd);

static const struct command_descriptor poweroff_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(0, 0, "");

static int poweroff_exec(int argc, char **argv)
{
	int first = parse_options(argc, argv, &poweroff_cmd, NULL);

	if (first <= 0)
		return first;
	efi_poweroff();
	printf("poweroff: the firmware did not power the machine off\n");
	return -EIO;
}

COMMAND(poweroff_command) = { .name = "poweroff", .exec = poweroff_exec };
