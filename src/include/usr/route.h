/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef USR_ROUTE_H
#define USR_ROUTE_H

/*
 * The routing table for people: each device's addresses, netmasks and
 * gateways, a line per address. Each address family prints its own
 * (a routing family); IPv4's is usr/route_ipv4.c.
 */

#include <wireboot/netdev.h>
#include <wireboot/tables.h>

struct routing_family {
	const char *name;
	/* Prints netdev's routes of this family, if it has any. */
	void (*print)(struct net_device *netdev);
};
TABLE_DECLARE(const struct routing_family, routing_families);
#define ROUTING_FAMILY(name) \
	const struct routing_family name TABLE_ENTRY(const struct routing_family, routing_families, 01)

/* Prints every device's routes of every family. */
void route(void);

#endif
