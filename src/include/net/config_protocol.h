/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_CONFIG_PROTOCOL_H
#define NET_CONFIG_PROTOCOL_H

/*
 * The protocols that configure a device, as jobs (see wireboot/job.h):
 * "dhcp" (DHCPv4), "ipv6" (router discovery, SLAAC and DHCPv6 as the
 * routers say), "dhcpv6". The user level runs any of them on any devices
 * at once (its ifconf configurators are built on them); autoboot runs those
 * marked for it side by side, so a dual-stack machine boots by whichever
 * answers first.
 */

#include <stdbool.h>
#include <wireboot/interface.h>
#include <wireboot/netdev.h>
#include <wireboot/tables.h>

struct config_protocol {
	const char *name;	/* "dhcp", "ipv6", "dhcpv6" */
	const char *label;	/* in result lines: "DHCP", "IPv6" */
	bool autoboot;		/* run by autoboot */
	/* Starts on netdev; the job's close carries the result. */
	int (*start)(struct interface *job, struct net_device *netdev);
};
TABLE_DECLARE(const struct config_protocol, config_protocols);
#define CONFIG_PROTOCOL(name) \
	const struct config_protocol name TABLE_ENTRY(const struct config_protocol, config_protocols, 01)

/* By name, or NULL (not in this build). */
const struct config_protocol *find_config_protocol(const char *name);

#endif
