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
#define DNS_TYPE_SOA 6
#define DNS_TYPE_AAAA 28
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

/* The longest address a record type carries (AAAA). */
#define DNS_ADDRESS_MAX 16

/* Writes a recursive query for name (record type qtype, class IN); returns
 * its length, -EINVAL for a name that is not a valid DNS name, or
 * -ENOSPC. */
int dns_build_query(void *buf, size_t len, uint16_t id, const char *name,
		    unsigned qtype);

/* The length of the address a record type holds: 4 for A, 16 for AAAA,
 * 0 for a type that holds no address. */
size_t dns_address_len(unsigned qtype);

/*
 * Reads the (possibly compressed) name at *offset into text ("a.b.c", "" for
 * the root) and moves *offset past it. Compression pointers must each go
 * below where the previous part started, so a loop cannot exist. Returns 0
 * or -EINVAL.
 */
int dns_decode_name(const uint8_t *msg, size_t len, size_t *offset,
		    char *text, size_t text_len);

/* Text names compare without case and without a trailing dot. */
bool dns_same_name(const char *a, const char *b);

struct dns_answer {
	/* The address (address_len bytes, 0 when there is none). */
	uint8_t address[DNS_ADDRESS_MAX];
	size_t address_len;
	/* When the name is an alias and the answer holds no address for its
	 * target: the target to ask for next. */
	char cname[DNS_NAME_MAX];
	/* Seconds the answer may be kept: the smallest TTL of the records
	 * it follows; for a negative answer (-ENOENT) that of the SOA record
	 * (RFC 2308), 0 without one. */
	uint32_t ttl;
	/* -ENOENT because the name does not exist at all (NXDOMAIN), rather
	 * than because it has no record of the type. */
	bool no_name;
};

/*
 * Reads the answer to query id for name and record type qtype: an address
 * for the name (following CNAME records in the answer), or only an alias
 * to ask for next. Returns 0; -ENOENT for a name that does not exist or has
 * no record of the type; -EIO for a server failure; -EMSGSIZE for a
 * truncated answer without an address; -EINVAL for a malformed message or
 * one that is not this answer (another id, question, type).
 */
int dns_parse_response(const void *data, size_t len, uint16_t id,
		       const char *name, unsigned qtype,
		       struct dns_answer *answer);

#endif
