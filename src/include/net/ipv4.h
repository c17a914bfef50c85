/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_IPV4_H
#define NET_IPV4_H

/*
 * IPv4, one family of the tcpip layer: per-device configuration (applied
 * from the settings "ip", "netmask" and "gateway" of each device, which DHCP
 * or a script's "set" fill), routing (on-link or via the gateway),
 * transmission with ARP resolution, reception with checksum checks and
 * fragment reassembly, and dispatch to the transports through tcpip.
 */

#include <stdint.h>
#include <net/in.h>
#include <net/netproto.h>
#include <net/tcpip.h>
#include <wireboot/iobuf.h>
#include <wireboot/netdev.h>
#include <wireboot/tables.h>


struct iphdr {
	uint8_t verhdrlen;	/* version 4, header length in 32-bit words */
	uint8_t service;
	uint16_t len;
	uint16_t ident;
	uint16_t frags;		/* flags and fragment offset */
	uint8_t ttl;
	uint8_t protocol;
	uint16_t chksum;
	struct in_addr src;
	struct in_addr dest;
} __packed;

extern const struct net_protocol ipv4_protocol;

/* Sets (or with address 0, clears) a device's IPv4 configuration. */
int ipv4_configure(struct net_device *netdev, struct in_addr address,
		   struct in_addr netmask, struct in_addr gateway);
/* The device's address (0 if unconfigured). */
struct in_addr ipv4_address(struct net_device *netdev);

/* The device's configuration, all zero if it has none. */
void ipv4_config(struct net_device *netdev, struct in_addr *address,
		 struct in_addr *netmask, struct in_addr *gateway);

#endif
