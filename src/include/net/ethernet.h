/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_ETHERNET_H
#define NET_ETHERNET_H

/*
 * Ethernet II framing: the link layer (net/netproto.h) of every device
 * that does not name another. The constants are also what drivers and the
 * SNP export use.
 */

#include <stdint.h>
#include <wireboot/netdev.h>

#define ETH_P_IP 0x0800
#define ETH_P_ARP 0x0806
#define ETH_P_IPV6 0x86dd
/* ARP hardware type of Ethernet. */
#define ARPHRD_ETHER 1

struct ethhdr {
	uint8_t h_dest[ETH_ALEN];
	uint8_t h_source[ETH_ALEN];
	uint16_t h_protocol;	/* network byte order */
} __packed;

struct ll_protocol;
extern const struct ll_protocol ethernet_protocol;
extern const uint8_t eth_broadcast[ETH_ALEN];

#endif
