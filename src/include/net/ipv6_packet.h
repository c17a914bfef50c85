/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_IPV6_PACKET_H
#define NET_IPV6_PACKET_H

/*
 * The IPv6 header and its extension headers (RFC 8200) as they travel,
 * and a pure parser that walks the chain: it touches nothing but the bytes
 * it is given, so that it can be tested and fuzzed alone.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <net/in6.h>
#include <wireboot/compiler.h>

#define IPV6_VERSION 6
#define IPV6_HLEN 40
#define IPV6_MIN_MTU 1280

/* Next-header values of the extension headers we walk, and "none". */
#define IPV6_HOPOPTS 0
#define IPV6_ROUTING 43
#define IPV6_FRAGMENT 44
#define IPV6_NO_NEXT 59
#define IPV6_DSTOPTS 60
#define IP_ICMPV6 58

struct ipv6_header {
	uint32_t ver_tc_flow;	/* version 6, traffic class, flow label */
	uint16_t len;		/* payload: everything after this header */
	uint8_t next_header;
	uint8_t hop_limit;
	struct in6_addr src;
	struct in6_addr dest;
} __packed;

struct ipv6_fragment_header {
	uint8_t next_header;
	uint8_t reserved;
	uint16_t offset_flags;	/* offset in 8-byte units << 3, M flag */
	uint32_t ident;
} __packed;

#define IPV6_FRAG_MORE 0x0001
#define IPV6_FRAG_OFFSET_MASK 0xfff8

/* ICMPv6 parameter problem codes (RFC 4443 section 3.4). */
#define IPV6_PROBLEM_HEADER 0		/* erroneous header field */
#define IPV6_PROBLEM_NEXT_HEADER 1	/* unrecognised next header */
#define IPV6_PROBLEM_OPTION 2		/* unrecognised option */

struct ipv6_parsed {
	uint8_t protocol;	/* of the upper layer (or of the fragment) */
	size_t header_len;	/* IPv6 and extension headers before it */
	size_t total_len;	/* header plus payload length */
	bool fragment;		/* a piece of a larger datagram */
	size_t frag_offset;	/* in bytes */
	bool more_fragments;
	uint32_t ident;		/* network order */
	/* When the parser returns -EPROTO: the ICMPv6 parameter problem to
	 * answer with (code, and offset of the offending byte). */
	uint8_t problem_code;
	size_t problem_offset;
};

/*
 * Parses an IPv6 packet of len bytes (the link layer's padding may
 * follow). Returns 0, -EINVAL for a packet to drop silently, or -EPROTO
 * for one to drop and answer with the parameter problem in out.
 */
int ipv6_parse(const void *data, size_t len, struct ipv6_parsed *out);

#endif
