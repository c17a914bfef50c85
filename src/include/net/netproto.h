/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_NETPROTO_H
#define NET_NETPROTO_H

/*
 * The boundary between network protocols (IPv4, ARP, IPv6 later) and the
 * link layer. A device's link layer is an operations table
 * (netdev->ll_protocol: Ethernet today, VLAN later) that pushes and pulls
 * its header, so IP never names Ethernet. Network protocols register by
 * their protocol number (the ethertype) in the "net_protocols" table.
 */

#include <stdint.h>
#include <wireboot/iobuf.h>
#include <wireboot/netdev.h>
#include <wireboot/tables.h>

#define LL_MAX_ADDR_LEN 16

/* Network protocol numbers: the ethertypes, which the link layers we know
 * (Ethernet, 802.1Q VLANs) all use. */
#define NET_PROTO_IPV4 0x0800
#define NET_PROTO_ARP 0x0806
#define NET_PROTO_IPV6 0x86dd

/* Flags a link layer reports for a received frame. */
#define LL_MULTICAST 0x0001	/* sent to a group address */
#define LL_BROADCAST 0x0002	/* sent to everyone */

struct ll_protocol {
	const char *name;
	uint16_t ll_proto;		/* ARP hardware type, network order */
	uint8_t ll_addr_len;
	uint8_t ll_header_len;
	const uint8_t *ll_broadcast;
	/* Pushes the header (net_proto in network order): 0 or -ENOBUFS. */
	int (*push)(struct net_device *netdev, struct io_buffer *iob,
		    const void *ll_dest, const void *ll_source,
		    uint16_t net_proto);
	/* Checks and pulls the header; the addresses point into it.
	 * -ENOENT: a frame for someone else (dropped, not an error). */
	int (*pull)(struct net_device *netdev, struct io_buffer *iob,
		    const void **ll_dest, const void **ll_source,
		    uint16_t *net_proto, unsigned *flags);
};

struct net_protocol {
	const char *name;
	uint16_t net_proto;		/* network order */
	uint8_t net_addr_len;
	/* Takes ownership of iob, whose data starts at the network header.
	 * The addresses are copies that live until rx returns. */
	int (*rx)(struct io_buffer *iob, struct net_device *netdev,
		  const void *ll_dest, const void *ll_source, unsigned flags);
};
TABLE_DECLARE(const struct net_protocol, net_protocols);
#define NET_PROTOCOL(name) \
	const struct net_protocol name TABLE_ENTRY(const struct net_protocol, net_protocols, 01)

/* Frames via the device's link layer; takes ownership of iob. */
int net_tx(struct io_buffer *iob, struct net_device *netdev,
	   const struct net_protocol *net_protocol, const void *ll_dest);
/* Parses a received frame and hands it to its protocol; malformed or
 * unknown frames are dropped and counted. */
int net_rx_frame(struct io_buffer *iob, struct net_device *netdev);
/* The stack's receive pump, a permanent process of every image that links
 * the stack: polls each open device and processes its queued frames.
 * (Images without the stack, like thin drivers, poll their devices
 * themselves and never carry this.) */
void net_poll(void);

#endif
