/* The poweroff command, through the firmware's runtime services. */

#include <errno.h>
#include <stdio.h>
#include <wireboot/command.h>
#include <wireboot/efi.h>

PROVIDE_OBJECT(efi_power_cmd);

static int poweroff_exec(int argc, char **argv)
{
	if (argc != 1)
		return command_usage(argv[0], "");
	efi_poweroff();
	printf("poweroff: the firmware did not power the machine off\n");
	return -EIO;
}

COMMAND(poweroff_command) = { .name = "poweroff", .exec = poweroff_exec };
