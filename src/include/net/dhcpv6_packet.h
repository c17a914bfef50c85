/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_DHCPV6_PACKET_H
#define NET_DHCPV6_PACKET_H

/*
 * DHCPv6 messages (RFC 8415) and the PXE options of RFC 5970: a pure
 * parser of what a server sends (every length checked, nested options
 * of IA_NA included) and a builder for what we send.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <net/in6.h>

#define DHCPV6_CLIENT_PORT 546
#define DHCPV6_SERVER_PORT 547

#define DHCPV6_SOLICIT 1
#define DHCPV6_ADVERTISE 2
#define DHCPV6_REQUEST 3
#define DHCPV6_REPLY 7
#define DHCPV6_INFORMATION_REQUEST 11

#define DHCPV6_OPT_CLIENT_ID 1
#define DHCPV6_OPT_SERVER_ID 2
#define DHCPV6_OPT_IA_NA 3
#define DHCPV6_OPT_IAADDR 5
#define DHCPV6_OPT_ORO 6
#define DHCPV6_OPT_PREFERENCE 7
#define DHCPV6_OPT_ELAPSED_TIME 8
#define DHCPV6_OPT_STATUS_CODE 13
#define DHCPV6_OPT_VENDOR_CLASS 16
#define DHCPV6_OPT_DNS_SERVERS 23
#define DHCPV6_OPT_DOMAIN_LIST 24
#define DHCPV6_OPT_BOOTFILE_URL 59
#define DHCPV6_OPT_BOOTFILE_PARAM 60
#define DHCPV6_OPT_CLIENT_ARCH 61
#define DHCPV6_OPT_NII 62

#define DHCPV6_STATUS_SUCCESS 0
#define DHCPV6_STATUS_NO_ADDRS 2

/* DUID types (RFC 8415 section 11, RFC 6355). */
#define DHCPV6_DUID_LL 3
#define DHCPV6_DUID_UUID 4

#define DHCPV6_HLEN 4
#define DHCPV6_MAX_DNS 3
#define DHCPV6_ID_MAX 130	/* a DUID is at most 128 bytes, plus type */
#define DHCPV6_TEXT_MAX 256

/* What a server's message says. Strings are NUL-terminated ("" when
 * absent); identifiers are copies. */
struct dhcpv6_message {
	uint8_t type;
	uint32_t xid;			/* 24 bits */
	uint8_t server_id[DHCPV6_ID_MAX];
	size_t server_id_len;
	uint8_t client_id[DHCPV6_ID_MAX];
	size_t client_id_len;
	uint16_t status;		/* of the message, success if absent */
	uint8_t preference;
	bool has_ia;			/* an IA_NA came (the first counts) */
	bool has_address;		/* with an address */
	uint32_t iaid;			/* network order */
	struct in6_addr address;
	uint32_t preferred, valid;	/* seconds */
	uint16_t ia_status;
	struct in6_addr dns[DHCPV6_MAX_DNS];
	unsigned dns_count;
	char domain[DHCPV6_TEXT_MAX];	/* the first of the search list */
	char bootfile_url[DHCPV6_TEXT_MAX];
	char bootfile_param[DHCPV6_TEXT_MAX];	/* parameters, space-separated */
};

/* Parses a message of len bytes: 0, or -EINVAL when it is malformed (too
 * short, an option running past its end, an identifier too long). Values
 * that are malformed on their own (an odd DNS list) are ignored. */
int dhcpv6_parse(const void *data, size_t len, struct dhcpv6_message *out);

/* Writing: options into buf; an overflow is remembered and reported by
 * dhcpv6_finish(). */
struct dhcpv6_builder {
	uint8_t *buf;
	size_t len, used;
	bool overflow;
};
void dhcpv6_builder_init(struct dhcpv6_builder *b, void *buf, size_t len,
			 uint8_t type, uint32_t xid);
void dhcpv6_put(struct dhcpv6_builder *b, uint16_t code, const void *data,
		size_t len);
/* Bytes inside the option begun last. */
void dhcpv6_append(struct dhcpv6_builder *b, const void *data, size_t len);
/* An option holding options: begin returns where its header lies, end
 * fills in its length. */
size_t dhcpv6_begin(struct dhcpv6_builder *b, uint16_t code);
void dhcpv6_end(struct dhcpv6_builder *b, size_t start);
/* The message length, or -ENOBUFS. */
int dhcpv6_finish(struct dhcpv6_builder *b);

#endif
