/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Configuration of the network stack the program links: the protocols
 * enabled in src/config/general.h. Only images that run the program (not
 * thin driver images) pull this object in, through config_app.c, so a thin
 * driver never carries a protocol. Nothing here is called by name: each
 * part plugs into link-time tables once referenced.
 */

#include <config/general.h>
#include <wireboot/tables.h>

PROVIDE_OBJECT(config_net);

/* Every device we drive is Ethernet unless it says otherwise. */
REQUIRE_OBJECT(ethernet);
REQUIRE_OBJECT(netproto);
REQUIRE_OBJECT(udp);
/* Devices that can be handed to another driver are watched. */
REQUIRE_OBJECT(netdev_health);

#ifdef NET_PROTO_IPV4
REQUIRE_OBJECT(ipv4);
/* Configurators plug into a table that nothing calls by name. */
REQUIRE_OBJECT(dhcp);
#endif
#ifdef NET_PROTO_IPV6
REQUIRE_OBJECT(ipv6);
REQUIRE_OBJECT(ipv6conf);
REQUIRE_OBJECT(dhcpv6);
#endif
#ifdef NET_PROTO_TCP
REQUIRE_OBJECT(tcp);
#endif
#ifdef DNS_RESOLVER
REQUIRE_OBJECT(dns);
#endif
#ifdef DOWNLOAD_PROTO_TFTP
REQUIRE_OBJECT(tftp);
#endif
#ifdef DOWNLOAD_PROTO_HTTP
REQUIRE_OBJECT(http);
#endif
#ifdef NETDEV_FAULT_RX
REQUIRE_OBJECT(netdev_fault_rx);
#endif
