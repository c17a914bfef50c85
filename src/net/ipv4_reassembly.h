/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_IPV4_REASSEMBLY_H
#define NET_IPV4_REASSEMBLY_H

/* IPv4 fragment reassembly, private to ipv4.c. */

#include <stddef.h>
#include <net/ipv4.h>

#define IP_FLAG_MF 0x2000
#define IP_OFFSET_MASK 0x1fff
#define IP_MIN_HLEN 20
#define IP_MAX_LEN 0xffff

/*
 * Takes a fragment (iob data at its IPv4 header of hlen bytes, already
 * checked) and returns the whole datagram once every piece is there (data =
 * payload; the caller delivers it with iphdr's addresses and protocol), or
 * NULL while pieces are missing or when the fragment was dropped.
 */
struct io_buffer *ipv4_reassemble(struct io_buffer *iob,
				  struct net_device *netdev,
				  const struct iphdr *iphdr, size_t hlen);

#endif
