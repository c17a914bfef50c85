/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_REASSEMBLY_H
#define NET_REASSEMBLY_H

/*
 * Fragment reassembly for IPv4 and IPv6, private to the network layer.
 * The two differ only in where the fields come from: a datagram is named
 * by a key of bytes (addresses, identification, protocol) that its family
 * builds, and each piece arrives with its byte offset and whether more
 * follow.
 */

#include <stdbool.h>
#include <stddef.h>
#include <wireboot/iobuf.h>
#include <wireboot/netdev.h>

/* Room for two IPv6 addresses, a 32-bit identification and a protocol. */
#define REASSEMBLY_KEY_MAX 37

/*
 * Takes a piece (iob data = its payload, at byte offset of the whole) of
 * the datagram named by key, and returns the whole payload once every
 * piece is there, or NULL while pieces are missing or when the piece was
 * dropped. max_len bounds the reassembled payload.
 */
struct io_buffer *reassemble(struct io_buffer *iob, struct net_device *netdev,
			     const void *key, size_t key_len, size_t offset,
			     bool more_follow, size_t max_len);

#endif
