/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_ARP_H
#define NET_ARP_H

/*
 * ARP (RFC 826): finding the Ethernet address of an IPv4 neighbour. The
 * cache keeps entries per device; a packet for a neighbour not yet resolved
 * waits in a short queue while requests are retried, and is dropped if no
 * answer comes.
 */

#include <net/in.h>
#include <wireboot/iobuf.h>
#include <wireboot/netdev.h>

/*
 * Sends an IPv4 packet (iob data starts at the IPv4 header) to the
 * neighbour next_hop on netdev, now or once its address is resolved; src is
 * the sender address that ARP requests carry. Takes ownership of iob.
 * Returns 0 when the packet was sent or queued, or a negative error.
 */
int arp_resolve_tx(struct io_buffer *iob, struct net_device *netdev,
		   struct in_addr next_hop, struct in_addr src);

/* Forgets netdev's neighbours, dropping their waiting packets and the
 * references the cache holds on netdev. */
void arp_flush(struct net_device *netdev);

#endif
