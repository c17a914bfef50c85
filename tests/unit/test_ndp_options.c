/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/ndp_options.c src/core/string.c
/* Neighbour discovery options: link-layer addresses, prefixes (with the
 * bits past their length cleared), MTU, DNS servers, and the malformed
 * options that invalidate a message or are ignored alone. */

#include <errno.h>
#include <stdint.h>
#include <string.h>
#define ndp_parse_options wb_ndp_parse_options
#define ndp_put_ll_option wb_ndp_put_ll_option
#include <net/ndp_options.h>
#include "unit.h"

static const uint8_t mac[6] = { 0x52, 0x54, 0, 0x12, 0x34, 0x56 };

static size_t put(uint8_t *buf, const uint8_t *opt, size_t len)
{
	memcpy(buf, opt, len);
	return len;
}

static void test_advertisement(void)
{
	uint8_t buf[256];
	size_t len = 0;
	struct ndp_options opts;
	const uint8_t sll[8] = { 1, 1, 0x52, 0x54, 0, 0x12, 0x34, 0x56 };
	const uint8_t mtu[8] = { 5, 1, 0, 0, 0, 0, 0x05, 0xdc };
	uint8_t prefix[32] = { 3, 4, 60, 0xc0, 0, 0, 0x0e, 0x10, 0, 0, 0x07, 0x08 };
	uint8_t dns[40] = { 25, 5, 0, 0, 0, 0, 0x02, 0x58 };
	const uint8_t unknown[16] = { 200, 2 };

	memset(&prefix[16], 0xff, 16);		/* bits past /60 must go */
	dns[8] = 0x20;
	dns[9] = 0x01;
	dns[23] = 0x53;
	dns[24] = 0x20;
	dns[39] = 0x54;
	len += put(buf + len, sll, sizeof(sll));
	len += put(buf + len, unknown, sizeof(unknown));
	len += put(buf + len, mtu, sizeof(mtu));
	len += put(buf + len, prefix, sizeof(prefix));
	len += put(buf + len, dns, sizeof(dns));
	CHECK_INT(ndp_parse_options(buf, len, 6, &opts), 0);
	CHECK(opts.has_source_ll);
	CHECK(memcmp(opts.source_ll, mac, 6) == 0);
	CHECK(!opts.has_target_ll);
	CHECK(opts.has_mtu);
	CHECK_INT(opts.mtu, 1500);
	CHECK_INT(opts.prefix_count, 1);
	CHECK_INT(opts.prefixes[0].len, 60);
	CHECK_INT(opts.prefixes[0].flags, 0xc0);
	CHECK_INT(opts.prefixes[0].valid, 3600);
	CHECK_INT(opts.prefixes[0].preferred, 1800);
	CHECK_INT(opts.prefixes[0].prefix.s6_addr[7], 0xf0);
	CHECK_INT(opts.prefixes[0].prefix.s6_addr[8], 0);
	CHECK_INT(opts.prefixes[0].prefix.s6_addr[15], 0);
	CHECK_INT(opts.dns_count, 2);
	CHECK_INT(opts.dns_lifetime, 600);
	CHECK_INT(opts.dns[0].s6_addr[15], 0x53);
	CHECK_INT(opts.dns[1].s6_addr[15], 0x54);
	/* Nothing at all is fine too. */
	CHECK_INT(ndp_parse_options(buf, 0, 6, &opts), 0);
	CHECK(!opts.has_source_ll && !opts.prefix_count);
}

static void test_malformed(void)
{
	uint8_t buf[64] = { 1, 1, 0x52, 0x54, 0, 0x12, 0x34, 0x56 };
	struct ndp_options opts;
	uint8_t prefix[32] = { 3, 4, 129 };
	uint8_t dns[16] = { 25, 2 };
	unsigned i;

	/* Length zero, or past the end: the whole message is invalid. */
	buf[1] = 0;
	CHECK_INT(ndp_parse_options(buf, 8, 6, &opts), -EINVAL);
	buf[1] = 2;
	CHECK_INT(ndp_parse_options(buf, 8, 6, &opts), -EINVAL);
	CHECK_INT(ndp_parse_options(buf, 1, 6, &opts), -EINVAL);
	/* A link-layer option of the wrong size for the link: ignored. */
	buf[1] = 1;
	CHECK_INT(ndp_parse_options(buf, 8, 16, &opts), 0);
	CHECK(!opts.has_source_ll);
	buf[1] = 2;
	memset(buf + 8, 0, 8);
	CHECK_INT(ndp_parse_options(buf, 16, 6, &opts), 0);
	CHECK(!opts.has_source_ll);
	/* A prefix longer than 128 bits, a DNS option without a whole
	 * address: ignored. */
	CHECK_INT(ndp_parse_options(prefix, sizeof(prefix), 6, &opts), 0);
	CHECK_INT(opts.prefix_count, 0);
	CHECK_INT(ndp_parse_options(dns, sizeof(dns), 6, &opts), 0);
	CHECK_INT(opts.dns_count, 0);
	/* More prefixes than we keep: the first ones count. */
	{
		uint8_t many[32 * (NDP_MAX_PREFIXES + 2)];

		for (i = 0; i < NDP_MAX_PREFIXES + 2; i++) {
			memset(&many[32 * i], 0, 32);
			many[32 * i] = 3;
			many[32 * i + 1] = 4;
			many[32 * i + 2] = 64;
			many[32 * i + 16] = (uint8_t)i;
		}
		CHECK_INT(ndp_parse_options(many, sizeof(many), 6, &opts), 0);
		CHECK_INT(opts.prefix_count, NDP_MAX_PREFIXES);
		CHECK_INT(opts.prefixes[NDP_MAX_PREFIXES - 1].prefix.s6_addr[0],
			  NDP_MAX_PREFIXES - 1);
	}
}

static void test_put(void)
{
	uint8_t buf[16];
	struct ndp_options opts;

	CHECK_INT(ndp_put_ll_option(buf, sizeof(buf), NDP_OPT_TARGET_LL, mac, 6), 8);
	CHECK_INT(buf[0], NDP_OPT_TARGET_LL);
	CHECK_INT(buf[1], 1);
	CHECK_INT(ndp_parse_options(buf, 8, 6, &opts), 0);
	CHECK(opts.has_target_ll && memcmp(opts.target_ll, mac, 6) == 0);
	CHECK_INT(ndp_put_ll_option(buf, 7, NDP_OPT_TARGET_LL, mac, 6), 0);
}

int main(void)
{
	test_advertisement();
	test_malformed();
	test_put();
	return unit_finish();
}
