#ifndef NET_ETHERNET_H
#define NET_ETHERNET_H

/*
 * Ethernet II framing and the dispatch of received frames to network-layer
 * protocols (ARP, IPv4), which register in the "net_protocols" table.
 */

#include <stdint.h>
#include <wireboot/iobuf.h>
#include <wireboot/netdev.h>
#include <wireboot/tables.h>

#define ETH_P_IP 0x0800
#define ETH_P_ARP 0x0806

struct ethhdr {
	uint8_t h_dest[ETH_ALEN];
	uint8_t h_source[ETH_ALEN];
	uint16_t h_protocol;	/* network byte order */
} __packed;

struct net_protocol {
	const char *name;
	uint16_t ethertype;	/* network byte order */
	/* Takes ownership of iob, whose data starts at the network header. */
	int (*rx)(struct io_buffer *iob, struct net_device *netdev,
		  const uint8_t *ll_source, const uint8_t *ll_dest);
};
TABLE_DECLARE(const struct net_protocol, net_protocols);
#define NET_PROTOCOL(name) \
	const struct net_protocol name TABLE_ENTRY(const struct net_protocol, net_protocols, 01)

extern const uint8_t eth_broadcast[ETH_ALEN];

/* Pushes an Ethernet header and transmits; takes ownership of iob. The
 * ethertype is in host byte order (ETH_P_IP). */
int net_tx(struct io_buffer *iob, struct net_device *netdev,
	   uint16_t ethertype, const uint8_t *ll_dest);
/*
 * The stack's receive pump, a permanent process of every image that links
 * the stack: polls each open device and hands its queued frames to the
 * protocols. (Images without the stack, like thin drivers, poll their
 * devices themselves and never carry this.)
 */
void net_poll(void);
/* Parses a received frame and hands it to its protocol (called by
 * net_poll()); malformed or unknown frames are dropped and counted. */
int eth_rx(struct io_buffer *iob, struct net_device *netdev);

#endif
