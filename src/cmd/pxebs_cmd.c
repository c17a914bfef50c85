/* SPDX-License-Identifier: GPL-2.0-or-later */
/* "pxebs [netX] <server type>": PXE boot server discovery after DHCP, the
 * answer in the "pxebs" settings scope (see usr/pxebsmgmt.h). */

#include <errno.h>
#include <stdio.h>
#include <usr/pxebsmgmt.h>
#include <wireboot/command.h>
#include <wireboot/parseopt.h>

PROVIDE_OBJECT(pxebs_cmd);

static const struct command_descriptor pxebs_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(1, 2, "[netX] <server type>");

static int pxebs_exec(int argc, char **argv)
{
	struct net_device *netdev = NULL;
	unsigned int type;
	int first = parse_options(argc, argv, &pxebs_cmd, NULL);

	if (first <= 0)
		return first;
	if (argc - first == 2) {
		netdev = find_netdev(argv[first]);
		if (!netdev) {
			printf("%s: no such network device\n", argv[first]);
			return -ENODEV;
		}
		first++;
	}
	if (parse_integer(argv[first], &type) != 0) {
		printf("pxebs: \"%s\" is not a server type\n", argv[first]);
		print_usage(argv[0], &pxebs_cmd);
		return -EINVAL;
	}
	return pxebs(netdev, type);
}

COMMAND(pxebs_command) = { .name = "pxebs", .exec = pxebs_exec };
