/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_CONFIGURATOR_H
#define NET_CONFIGURATOR_H

/*
 * Ways of configuring a device, as jobs (see wireboot/job.h): "dhcp"
 * (DHCPv4), "ipv6" (router discovery, SLAAC and DHCPv6 as the routers
 * say), "dhcpv6". The user level lists them and runs any of them on any
 * devices at once; autoboot runs those marked for it side by side, so a
 * dual-stack machine boots by whichever answers first.
 */

#include <stdbool.h>
#include <wireboot/interface.h>
#include <wireboot/netdev.h>
#include <wireboot/tables.h>

struct net_configurator {
	const char *name;	/* as ifconf --configurator takes it */
	const char *label;	/* in progress lines: "DHCP", "IPv6" */
	bool autoboot;		/* run by autoboot */
	/* Starts on netdev; the job's close carries the result. */
	int (*start)(struct interface *job, struct net_device *netdev);
};
TABLE_DECLARE(const struct net_configurator, net_configurators);
#define NET_CONFIGURATOR(name) \
	const struct net_configurator name TABLE_ENTRY(const struct net_configurator, net_configurators, 01)

/* By name, or NULL. */
const struct net_configurator *find_configurator(const char *name);

#endif
