/* SPDX-License-Identifier: GPL-2.0-or-later */
/* IPv6's routes for the route command: "net0: 2001:db8::5/64 gw fe80::1",
 * a line per address (the link-local one included), the default router
 * on the first, marked when the device is closed. */

#include <stdio.h>
#include <net/ipv6.h>
#include <usr/route.h>

PROVIDE_OBJECT(route_ipv6);

static void route_ipv6_print(struct net_device *netdev)
{
	struct in6_addr addr, gateway;
	char text[INET6_ADDRSTRLEN];
	unsigned i, prefix_len;

	ipv6_gateway(netdev, &gateway);
	for (i = 0; ipv6_address(netdev, i, &addr, &prefix_len) == 0; i++) {
		printf("%s: %s/%u", netdev->name, inet6_ntoa(&addr, text),
		       prefix_len);
		if (i == 0 && !in6_is_unspecified(&gateway))
			printf(" gw %s", inet6_ntoa(&gateway, text));
		printf("%s\n", netdev->is_open ? "" : " (inaccessible)");
	}
}

ROUTING_FAMILY(route_ipv6_family) = {
	.name = "IPv6",
	.print = route_ipv6_print,
};
