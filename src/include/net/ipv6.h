/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_IPV6_H
#define NET_IPV6_H

/*
 * IPv6 (RFC 8200), one family of the tcpip layer beside IPv4. A device's
 * addresses come from its settings blocks, each of which may hold "ip6"
 * with its prefix length "len6" and a "gateway6": "netN.link" (the
 * link-local address, always there once the device is open), "netN.ndp"
 * (SLAAC), "netN.dhcpv6", or a script's "set net0/ip6 ...". Routing: on
 * link by the prefixes, else via the device's default router; link-local
 * and multicast destinations name their device by the socket address's
 * scope. Neighbours are resolved by NDP.
 */

#include <stdbool.h>
#include <stdint.h>
#include <net/in6.h>
#include <net/ipv6_packet.h>
#include <net/netproto.h>
#include <net/tcpip.h>
#include <wireboot/netdev.h>

/* sin6_flags: the source of a datagram is "::" on purpose (duplicate
 * address detection, router solicitation before any address). */
#define IPV6_SRC_UNSPECIFIED 0x0001

extern const struct net_protocol ipv6_protocol;

/* The source address for reaching dest through netdev: the link-local
 * address for link-local and multicast destinations, else an address
 * sharing the longest prefix with dest. -ENETUNREACH if none. */
int ipv6_source(struct net_device *netdev, const struct in6_addr *dest,
		struct in6_addr *src);
/* The i-th configured address of netdev and its on-link prefix length:
 * 0, or -ENOENT past the last. */
int ipv6_address(struct net_device *netdev, unsigned i, struct in6_addr *addr,
		 unsigned *prefix_len);
/* The default router ("::" if none). */
void ipv6_gateway(struct net_device *netdev, struct in6_addr *gateway);
/* Whether addr is one of netdev's configured addresses. */
bool ipv6_has_address(struct net_device *netdev, const struct in6_addr *addr);
/* The path MTU a router advertised (0: the link's). */
void ipv6_set_mtu(struct net_device *netdev, uint32_t mtu);
/* A redirect (RFC 4861 section 8): dest is reached through target. */
void ipv6_redirect(struct net_device *netdev, const struct in6_addr *dest,
		   const struct in6_addr *target);

/* The hop limit of the packet being delivered, for NDP, whose messages
 * count only if they arrive with 255 (sent on this link). */
uint8_t ipv6_rx_hop_limit(void);

/* The EUI-64 interface identifier of netdev's MAC (RFC 4291 appendix A)
 * behind prefix's first 64 bits. */
void ipv6_eui64(struct net_device *netdev, const struct in6_addr *prefix,
		struct in6_addr *addr);
/* ff02::1:ffXX:XXXX for addr (RFC 4291 section 2.7.1). */
void ipv6_solicited_node(const struct in6_addr *addr, struct in6_addr *group);
/* ff02::1, ff02::2 and ff02::1:2 (all DHCP agents). */
extern const struct in6_addr ipv6_all_nodes, ipv6_all_routers,
	ipv6_all_dhcp_agents;

/* A socket address for addr on netdev (scope set). */
void ipv6_sockaddr(struct sockaddr_in6 *sin6, const struct in6_addr *addr,
		   struct net_device *netdev, uint16_t port);

#endif
