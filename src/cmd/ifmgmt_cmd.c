/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Network devices from scripts: ifopen, ifclose, ifstat, ifconf (see
 * usr/ifmgmt.h) and route (usr/route.h). Each takes devices by name, or
 * none for every device.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <usr/ifmgmt.h>
#include <usr/route.h>
#include <wireboot/command.h>
#include <wireboot/errfile.h>
#include <wireboot/parseopt.h>

#define ERRFILE ERRFILE_ifmgmt_cmd

PROVIDE_OBJECT(ifmgmt_cmd);

/* The devices argv[first..argc) name, or every device when none is
 * named, in a new array (the caller frees it); says which does not
 * exist. */
static int named_netdevs(int argc, char **argv, int first,
			 struct net_device ***devices, unsigned *count)
{
	struct net_device *netdev;
	unsigned i = 0;

	*count = 0;
	if (argc > first) {
		*count = (unsigned)(argc - first);
	} else {
		for_each_netdev(netdev)
			(*count)++;
	}
	*devices = calloc(*count ? *count : 1, sizeof(**devices));
	if (!*devices)
		return -EUNIQ(ENOMEM, 1);
	if (argc == first) {
		for_each_netdev(netdev)
			(*devices)[i++] = netdev;
		return 0;
	}
	for (; first < argc; first++) {
		netdev = find_netdev(argv[first]);
		if (!netdev) {
			printf("%s: no such network device\n", argv[first]);
			free(*devices);
			return -EUNIQ(ENODEV, 2);
		}
		(*devices)[i++] = netdev;
	}
	return 0;
}

static const struct command_descriptor ifdevices_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(0, PARSEOPT_MANY, "[netX...]");

/* Runs each() on every device the arguments name; the first error. */
static int for_each_named(int argc, char **argv,
			  int (*each)(struct net_device *netdev))
{
	struct net_device **devices;
	unsigned count, i;
	int first = parse_options(argc, argv, &ifdevices_cmd, NULL);
	int rc;

	if (first <= 0)
		return first;
	rc = named_netdevs(argc, argv, first, &devices, &count);
	if (rc)
		return rc;
	for (i = 0; rc == 0 && i < count; i++)
		rc = each(devices[i]);
	free(devices);
	return rc;
}

static int ifclose_one(struct net_device *netdev)
{
	ifclose(netdev);
	return 0;
}

static int ifstat_one(struct net_device *netdev)
{
	ifstat(netdev);
	return 0;
}

static int ifopen_exec(int argc, char **argv)
{
	return for_each_named(argc, argv, ifopen);
}

static int ifclose_exec(int argc, char **argv)
{
	return for_each_named(argc, argv, ifclose_one);
}

static int ifstat_exec(int argc, char **argv)
{
	return for_each_named(argc, argv, ifstat_one);
}

struct ifconf_options {
	const char *configurator;
};

static const struct option_descriptor ifconf_opts[] = {
	OPTION("configurator", 'c', parseopt_string, struct ifconf_options,
	       configurator, "configurator"),
};

static const struct command_descriptor ifconf_cmd =
	COMMAND_DESCRIPTOR(ifconf_opts, 0, PARSEOPT_MANY, "[netX...]");

/* The named devices (or every one) at once: done when one is
 * configured. */
static int ifconf_exec(int argc, char **argv)
{
	struct ifconf_options opts = { NULL };
	struct net_device **devices;
	unsigned count;
	int first = parse_options(argc, argv, &ifconf_cmd, &opts);
	int rc;

	if (first <= 0)
		return first;
	rc = named_netdevs(argc, argv, first, &devices, &count);
	if (rc)
		return rc;
	rc = count ? ifconf(devices, count, opts.configurator)
		   : -EUNIQ(ENODEV, 3);
	if (!count)
		printf("ifconf: no network devices\n");
	free(devices);
	return rc;
}

static const struct command_descriptor route_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(0, 0, "");

static int route_exec(int argc, char **argv)
{
	int first = parse_options(argc, argv, &route_cmd, NULL);

	if (first <= 0)
		return first;
	route();
	return 0;
}

COMMAND(ifopen_command) = { .name = "ifopen", .exec = ifopen_exec };
COMMAND(ifclose_command) = { .name = "ifclose", .exec = ifclose_exec };
COMMAND(ifstat_command) = { .name = "ifstat", .exec = ifstat_exec };
COMMAND(ifconf_command) = { .name = "ifconf", .exec = ifconf_exec };
COMMAND(route_command) = { .name = "route", .exec = route_exec };
