/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The poweroff and reboot commands, through the firmware's runtime
 * services. */

#include <errno.h>
#include <stdbool.h>
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

struct reboot_options {
	bool warm;
};

static const struct option_descriptor reboot_opts[] = {
	OPTION("warm", 'w', parseopt_flag, struct reboot_options, warm, NULL),
};

static const struct command_descriptor reboot_cmd =
	COMMAND_DESCRIPTOR(reboot_opts, 0, 0, "");

static int reboot_exec(int argc, char **argv)
{
	struct reboot_options opts = { 0 };
	int first = parse_options(argc, argv, &reboot_cmd, &opts);

	if (first <= 0)
		return first;
	efi_reboot(opts.warm);
	printf("reboot: the firmware did not reset the machine\n");
	return -EIO;
}

COMMAND(reboot_command) = { .name = "reboot", .exec = reboot_exec };
