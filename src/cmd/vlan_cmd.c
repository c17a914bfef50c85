/* SPDX-License-Identifier: GPL-2.0-or-later */
/* 802.1Q VLAN devices: "vcreate --tag N [--priority P] <trunk>" makes
 * <trunk>-N, "vdestroy <device>" removes it (see usr/vlanmgmt.h). */

#include <errno.h>
#include <stdio.h>
#include <usr/vlanmgmt.h>
#include <wireboot/command.h>
#include <wireboot/parseopt.h>

PROVIDE_OBJECT(vlan_cmd);

struct vcreate_options {
	unsigned int tag;
	unsigned int priority;
};

static const struct option_descriptor vcreate_opts[] = {
	OPTION("tag", 't', parseopt_integer, struct vcreate_options, tag, "tag"),
	OPTION("priority", 'p', parseopt_integer, struct vcreate_options,
	       priority, "priority"),
};

static const struct command_descriptor vcreate_cmd =
	COMMAND_DESCRIPTOR(vcreate_opts, 1, 1, "<trunk>");
static const struct command_descriptor vdestroy_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(1, 1, "<device>");

static struct net_device *named_netdev(const char *name)
{
	struct net_device *netdev = find_netdev(name);

	if (!netdev)
		printf("%s: no such network device\n", name);
	return netdev;
}

static int vcreate_exec(int argc, char **argv)
{
	struct vcreate_options opts = { 0, 0 };
	struct net_device *trunk;
	int first = parse_options(argc, argv, &vcreate_cmd, &opts);

	if (first <= 0)
		return first;
	if (!opts.tag) {
		printf("vcreate: --tag is required\n");
		print_usage(argv[0], &vcreate_cmd);
		return -EINVAL;
	}
	trunk = named_netdev(argv[first]);
	return trunk ? vcreate(trunk, opts.tag, opts.priority) : -ENODEV;
}

static int vdestroy_exec(int argc, char **argv)
{
	struct net_device *netdev;
	int first = parse_options(argc, argv, &vdestroy_cmd, NULL);

	if (first <= 0)
		return first;
	netdev = named_netdev(argv[first]);
	return netdev ? vdestroy(netdev) : -ENODEV;
}

COMMAND(vcreate_command) = { .name = "vcreate", .exec = vcreate_exec };
COMMAND(vdestroy_command) = { .name = "vdestroy", .exec = vdestroy_exec };
