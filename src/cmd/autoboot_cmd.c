/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Network configuration and boot: dhcp, autoboot (see usr/autoboot.h,
 * usr/ifmgmt.h). The commands parse their arguments; the user level does
 * the rest. */

#include <errno.h>
#include <stdio.h>
#include <usr/autoboot.h>
#include <usr/ifmgmt.h>
#include <wireboot/command.h>
#include <wireboot/netdev.h>
#include <wireboot/parseopt.h>

PROVIDE_OBJECT(autoboot_cmd);

static const struct command_descriptor autoboot_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(0, 0, "");

static int autoboot_exec(int argc, char **argv)
{
	int first = parse_options(argc, argv, &autoboot_cmd, NULL);

	if (first <= 0)
		return first;
	return autoboot();
}

static const struct command_descriptor dhcp_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(0, PARSEOPT_MANY, "[netX...]");

/* "dhcp [netX...]": the named devices each in turn (a script that names
 * them wants them all); without names, every device at once, done when
 * the first one is bound. */
static int dhcp_exec(int argc, char **argv)
{
	struct net_device *netdev;
	int first = parse_options(argc, argv, &dhcp_cmd, NULL);
	int i, rc;

	if (first <= 0)
		return first;
	for (i = first; i < argc; i++) {
		netdev = find_netdev(argv[i]);
		if (!netdev) {
			printf("%s: no such network device\n", argv[i]);
			return -ENODEV;
		}
		rc = ifconf_dhcp(&netdev, 1, NULL, NULL);
		if (rc)
			return rc;
	}
	if (argc > first)
		return 0;
	if (list_empty(&net_devices)) {
		printf("dhcp: no network devices\n");
		return -ENODEV;
	}
	return ifconf_dhcp_all(NULL, NULL);
}

COMMAND(autoboot_command) = { .name = "autoboot", .exec = autoboot_exec };
COMMAND(dhcp_command) = { .name = "dhcp", .exec = dhcp_exec };
