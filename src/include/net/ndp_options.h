/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_NDP_OPTIONS_H
#define NET_NDP_OPTIONS_H

/*
 * The options of neighbour discovery messages (RFC 4861 section 4.6,
 * RFC 8106 for DNS servers) and their pure parser: a message's option
 * bytes in, what they say out, every length checked.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <net/in6.h>

#define NDP_OPT_SOURCE_LL 1
#define NDP_OPT_TARGET_LL 2
#define NDP_OPT_PREFIX 3
#define NDP_OPT_REDIRECTED 4
#define NDP_OPT_MTU 5
#define NDP_OPT_RDNSS 25

/* Prefix information flags. */
#define NDP_PREFIX_ON_LINK 0x80
#define NDP_PREFIX_AUTONOMOUS 0x40

#define NDP_MAX_PREFIXES 4
#define NDP_MAX_DNS 3
#define NDP_LL_MAX 16

struct ndp_prefix {
	struct in6_addr prefix;		/* bits beyond len cleared */
	uint8_t len;
	uint8_t flags;
	uint32_t valid;			/* seconds; 0xffffffff: for ever */
	uint32_t preferred;
};

struct ndp_options {
	bool has_source_ll, has_target_ll;
	uint8_t source_ll[NDP_LL_MAX];
	uint8_t target_ll[NDP_LL_MAX];
	bool has_mtu;
	uint32_t mtu;
	struct ndp_prefix prefixes[NDP_MAX_PREFIXES];
	unsigned prefix_count;		/* beyond the maximum: ignored */
	struct in6_addr dns[NDP_MAX_DNS];
	unsigned dns_count;
	uint32_t dns_lifetime;
};

/*
 * Parses len bytes of options for a link whose addresses are ll_len
 * bytes long. Unknown options are skipped; an option of length zero or
 * running past the end makes the whole message invalid (-EINVAL), as
 * RFC 4861 section 4.6 requires. Link-layer options of another length,
 * prefixes of more than 128 bits and malformed DNS options are ignored.
 */
int ndp_parse_options(const void *data, size_t len, size_t ll_len,
		      struct ndp_options *out);

/* Writes a link-layer address option (type, ll_addr of ll_len bytes)
 * into buf, padded to 8-byte units; returns its length, or 0 if it does
 * not fit in buf_len. */
size_t ndp_put_ll_option(void *buf, size_t buf_len, uint8_t type,
			 const void *ll_addr, size_t ll_len);

#endif
