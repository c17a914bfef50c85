/* SPDX-License-Identifier: GPL-2.0-or-later */
/* IPv4's routes for the route command: "net0: 10.0.2.15/255.255.255.0
 * gw 10.0.2.2", marked when the device is closed (it routes nothing
 * then). */

#include <stdio.h>
#include <net/ipv4.h>
#include <usr/route.h>

PROVIDE_OBJECT(route_ipv4);

static void route_ipv4_print(struct net_device *netdev)
{
	struct in_addr address, netmask, gateway;
	char text[16];

	ipv4_config(netdev, &address, &netmask, &gateway);
	if (!address.s_addr)
		return;
	printf("%s: %s", netdev->name, inet_ntoa_r(address, text));
	printf("/%s", inet_ntoa_r(netmask, text));
	if (gateway.s_addr)
		printf(" gw %s", inet_ntoa_r(gateway, text));
	printf("%s\n", netdev->is_open ? "" : " (inaccessible)");
}

ROUTING_FAMILY(route_ipv4_family) = {
	.name = "IPv4",
	.print = route_ipv4_print,
};
