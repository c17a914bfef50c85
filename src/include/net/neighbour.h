/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_NEIGHBOUR_H
#define NET_NEIGHBOUR_H

/*
 * The neighbour cache that ARP (IPv4) and NDP (IPv6) share: per device and
 * protocol, the link-layer address of each neighbour by its network
 * address. A packet for a neighbour not yet resolved waits in a short
 * queue while the protocol's request (an ARP request, a neighbour
 * solicitation) is retried with back-off, and is dropped if no answer
 * comes. The protocols differ only in their address length and in how a
 * request looks, which the discovery operations say.
 */

#include <stdbool.h>
#include <stddef.h>
#include <net/netproto.h>
#include <wireboot/iobuf.h>
#include <wireboot/list.h>
#include <wireboot/netdev.h>

#define NEIGHBOUR_MAX_ADDR_LEN 16

struct neighbour_discovery {
	const char *name;
	/* The protocol of the waiting packets (IPv4, IPv6). */
	const struct net_protocol *net_protocol;
	size_t addr_len;
	/* Asks the link who has net_dest; net_source is the sender address
	 * the waiting packet carries. */
	void (*request)(struct net_device *netdev, const void *net_dest,
			const void *net_source);
};

/* Kept with the device (a net driver's state); zeroed, then set up by
 * neighbour_cache_init() when the device registers. */
struct neighbour_cache {
	struct net_device *netdev;
	const struct neighbour_discovery *discovery;
	struct list_head entries;	/* most recently used first */
	unsigned count;
};

void neighbour_cache_init(struct neighbour_cache *cache,
			  struct net_device *netdev,
			  const struct neighbour_discovery *discovery);

/* Sends iob (data at its network header) to net_dest, now or once it is
 * resolved. Takes ownership; 0 when sent or queued, else an error. */
int neighbour_tx(struct neighbour_cache *cache, struct io_buffer *iob,
		 const void *net_dest, const void *net_source);

/* Learns a neighbour's link-layer address (create: even if it was not
 * being resolved) and sends what waited for it. */
void neighbour_update(struct neighbour_cache *cache, const void *net_addr,
		      const void *ll_addr, bool create);

/* The link-layer address known for net_addr, or NULL. */
const uint8_t *neighbour_lookup(struct neighbour_cache *cache,
				const void *net_addr);

/* Forgets every neighbour, dropping the packets that waited. */
void neighbour_flush(struct neighbour_cache *cache);

#endif
