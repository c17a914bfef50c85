/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_PING_PACKET_H
#define NET_PING_PACKET_H

/*
 * Echo messages as ICMP (RFC 792: types 8 and 0) and ICMPv6 (RFC 4443:
 * types 128 and 129) share them: type, code, checksum, identifier,
 * sequence number, then data. The data we send is a known pattern, so a
 * reply that comes back altered is seen. No network here, so tests and
 * fuzzers can feed the parser any bytes.
 */

#include <stddef.h>
#include <stdint.h>

/* Naturally aligned (8 bytes, no padding), so the checksum field may be
 * passed by address to the network layer. */
struct echo_header {
	uint8_t type;
	uint8_t code;
	uint16_t chksum;
	uint16_t ident;		/* network byte order */
	uint16_t seq;		/* network byte order */
};

/* Writes an echo message (checksum zero) of len data bytes; returns its
 * length or -ENOSPC. */
int echo_build(void *buf, size_t buf_len, uint8_t type, uint16_t ident,
	       uint16_t seq, size_t len);

/* Reads an echo message of the type wanted: code 0, the data our pattern.
 * Returns the data length, with *ident and *seq (host order); -EINVAL for
 * anything else. The checksum is the caller's to check (it may cover a
 * pseudo-header). */
int echo_parse(const void *data, size_t len, uint8_t type, uint16_t *ident,
	       uint16_t *seq);

#endif
