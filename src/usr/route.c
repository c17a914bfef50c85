/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The routing table for people (see usr/route.h). */

#include <usr/route.h>

TABLE_DEFINE(const struct routing_family, routing_families);

void route(void)
{
	const struct routing_family *family;
	struct net_device *netdev;

	for_each_netdev(netdev) {
		for_each_table_entry(family, routing_families)
			family->print(netdev);
	}
}
