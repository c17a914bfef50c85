/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Neighbour discovery options (see net/ndp_options.h): a pure parser and
 * the one option we write. Values that make no sense are dropped one by
 * one rather than failing the message, except where RFC 4861 says the
 * whole message is invalid (an option of length zero).
 */

#include <errno.h>
#include <string.h>
#include <net/ndp_options.h>
#include <wireboot/byteorder.h>

#define NDP_OPT_UNIT 8

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static void parse_prefix(const uint8_t *opt, size_t len,
			 struct ndp_options *out)
{
	struct ndp_prefix *prefix;
	unsigned bytes, bits;

	/* Type, length, prefix length, flags, valid, preferred, reserved,
	 * prefix: 32 bytes. */
	if (len != 32 || opt[2] > 128 || out->prefix_count >= NDP_MAX_PREFIXES)
		return;
	prefix = &out->prefixes[out->prefix_count++];
	prefix->len = opt[2];
	prefix->flags = opt[3];
	prefix->valid = get32(&opt[4]);
	prefix->preferred = get32(&opt[8]);
	memcpy(prefix->prefix.s6_addr, &opt[16], 16);
	/* Bits past the length are to be ignored (section 4.6.2). */
	bytes = prefix->len / 8;
	bits = prefix->len % 8;
	if (bytes < 16) {
		prefix->prefix.s6_addr[bytes] &= (uint8_t)(0xff00 >> bits);
		memset(&prefix->prefix.s6_addr[bytes + 1], 0, 15 - bytes);
	}
}

static void parse_dns(const uint8_t *opt, size_t len, struct ndp_options *out)
{
	size_t at;

	/* Type, length, reserved, lifetime, then at least one address:
	 * an odd number of 8-byte units of 3 or more (RFC 8106 5.1). */
	if (len < 24 || (len - 8) % 16)
		return;
	out->dns_lifetime = get32(&opt[4]);
	for (at = 8; at + 16 <= len && out->dns_count < NDP_MAX_DNS; at += 16)
		memcpy(out->dns[out->dns_count++].s6_addr, &opt[at], 16);
}

int ndp_parse_options(const void *data, size_t len, size_t ll_len,
		      struct ndp_options *out)
{
	const uint8_t *bytes = data;
	size_t at = 0;

	memset(out, 0, sizeof(*out));
	while (at < len) {
		const uint8_t *opt = &bytes[at];
		size_t opt_len;

		if (len - at < 2 || opt[1] == 0)
			return -EINVAL;
		opt_len = (size_t)opt[1] * NDP_OPT_UNIT;
		if (opt_len > len - at)
			return -EINVAL;
		switch (opt[0]) {
		case NDP_OPT_SOURCE_LL:
		case NDP_OPT_TARGET_LL:
			/* Padded to whole units: the address must fill the
			 * option but for the padding. */
			if (ll_len == 0 || ll_len > NDP_LL_MAX ||
			    2 + ll_len > opt_len ||
			    opt_len - (2 + ll_len) >= NDP_OPT_UNIT)
				break;
			if (opt[0] == NDP_OPT_SOURCE_LL) {
				memcpy(out->source_ll, &opt[2], ll_len);
				out->has_source_ll = true;
			} else {
				memcpy(out->target_ll, &opt[2], ll_len);
				out->has_target_ll = true;
			}
			break;
		case NDP_OPT_PREFIX:
			parse_prefix(opt, opt_len, out);
			break;
		case NDP_OPT_MTU:
			if (opt_len == 8) {
				out->mtu = get32(&opt[4]);
				out->has_mtu = true;
			}
			break;
		case NDP_OPT_RDNSS:
			parse_dns(opt, opt_len, out);
			break;
		default:
			break;
		}
		at += opt_len;
	}
	return 0;
}

size_t ndp_put_ll_option(void *buf, size_t buf_len, uint8_t type,
			 const void *ll_addr, size_t ll_len)
{
	size_t len = (2 + ll_len + NDP_OPT_UNIT - 1) / NDP_OPT_UNIT *
		     NDP_OPT_UNIT;
	uint8_t *opt = buf;

	if (len > buf_len || len / NDP_OPT_UNIT > 0xff)
		return 0;
	memset(opt, 0, len);
	opt[0] = type;
	opt[1] = (uint8_t)(len / NDP_OPT_UNIT);
	memcpy(&opt[2], ll_addr, ll_len);
	return len;
}
