/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_ICMPV6_H
#define NET_ICMPV6_H

/*
 * ICMPv6 (RFC 4443): the message header, the checksum over the IPv6
 * pseudo-header, echo replies, errors, and a table of handlers by type
 * through which NDP (and a pinger) take the messages that are theirs.
 */

#include <stdint.h>
#include <net/in6.h>
#include <wireboot/iobuf.h>
#include <wireboot/netdev.h>
#include <wireboot/tables.h>

#define ICMPV6_DEST_UNREACHABLE 1
#define ICMPV6_PACKET_TOO_BIG 2
#define ICMPV6_TIME_EXCEEDED 3
#define ICMPV6_PARAM_PROBLEM 4
#define ICMPV6_ECHO_REQUEST 128
#define ICMPV6_ECHO_REPLY 129
#define ICMPV6_ROUTER_SOLICITATION 133
#define ICMPV6_ROUTER_ADVERTISEMENT 134
#define ICMPV6_NEIGHBOUR_SOLICITATION 135
#define ICMPV6_NEIGHBOUR_ADVERTISEMENT 136
#define ICMPV6_REDIRECT 137

/* Naturally aligned, no packing: the checksum field is handed to the
 * network layer by address. */
struct icmpv6_header {
	uint8_t type;
	uint8_t code;
	uint16_t chksum;
};

/* A message of type arrived (checksum checked, iob data at the ICMPv6
 * header); the handler takes ownership of iob. */
struct icmpv6_handler {
	uint8_t type;
	int (*rx)(struct io_buffer *iob, struct net_device *netdev,
		  const struct sockaddr_in6 *src,
		  const struct sockaddr_in6 *dest);
};
TABLE_DECLARE(const struct icmpv6_handler, icmpv6_handlers);
#define ICMPV6_HANDLER(name) \
	const struct icmpv6_handler name TABLE_ENTRY(const struct icmpv6_handler, icmpv6_handlers, 01)

/* Sends an ICMPv6 message (iob data at its header; the checksum is
 * completed here). src NULL: the routing's choice. Takes ownership. */
int icmpv6_tx(struct io_buffer *iob, struct net_device *netdev,
	      const struct sockaddr_in6 *src, const struct sockaddr_in6 *dest);

/* Answers the IPv6 packet in iob (data at its IPv6 header; not taken)
 * with a parameter problem pointing at offset. */
void icmpv6_param_problem(struct io_buffer *iob, struct net_device *netdev,
			  uint8_t code, size_t offset);

#endif
