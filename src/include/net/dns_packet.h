/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_DNS_PACKET_H
#define NET_DNS_PACKET_H

/*
 * DNS messages (RFC 1035): queries for one name, and the answers to them,
 * with compressed names. No network here, so tests and fuzzers can feed
 * the parser any bytes.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <net/in.h>
#include <wireboot/compiler.h>

#define DNS_PORT 53
#define DNS_TYPE_A 1
#define DNS_TYPE_CNAME 5
#define DNS_CLASS_IN 1
/* Longest name as text, without the final dot, plus its NUL. */
#define DNS_NAME_MAX 254

struct dnshdr {
	uint16_t id;
	uint16_t flags;
	uint16_t qdcount;
	uint16_t ancount;
	uint16_t nscount;
	uint16_t arcount;
} __packed;

#define DNS_FLAG_RESPONSE 0x8000
#define DNS_FLAG_OPCODE 0x7800
#define DNS_FLAG_TRUNCATED 0x0200
#define DNS_FLAG_RECURSION_DESIRED 0x0100
#define DNS_RCODE_MASK 0x000f
#define DNS_RCODE_NXDOMAIN 3

/* Writes a recursive query for name (type A, class IN); returns its length,
 * -EINVAL for a name that is not a valid DNS name, or -ENOSPC. */
int dns_build_query(void *buf, size_t len, uint16_t id, const char *name);

/*
 * Reads the (possibly compressed) name at *offset into text ("a.b.c", "" for
 * the root) and moves *offset past it. Compression pointers must each go
 * below where the previous part started, so a loop cannot exist. Returns 0
 * or -EINVAL.
 */
int dns_decode_name(const uint8_t *msg, size_t len, size_t *offset,
		    char *text, size_t text_len);

struct dns_answer {
	bool has_address;
	struct in_addr address;
	/* When the name is an alias and the answer holds no address for its
	 * target: the target to ask for next. */
	char cname[DNS_NAME_MAX];
};

/*
 * Reads the answer to query id for name: an address for the name (following
 * CNAME records in the answer), or only an alias to ask for next. Returns
 * 0; -ENOENT for a name that does not exist or has no address; -EIO for a
 * server failure; -EMSGSIZE for a truncated answer without an address;
 * -EINVAL for a malformed message or one that is not this answer.
 */
int dns_parse_response(const void *data, size_t len, uint16_t id,
		       const char *name, struct dns_answer *answer);

#endif
