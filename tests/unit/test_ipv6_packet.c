/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/ipv6_packet.c src/core/inet6.c src/core/vsprintf.c src/core/string.c
/* IPv6 address text (RFC 5952 output, strict input) and the extension
 * header walk: each header kind, fragments, and packets to drop or to
 * answer with a parameter problem. */

#include <errno.h>
#include <stdint.h>
#include <string.h>
#define inet6_ntoa wb_inet6_ntoa
#define inet6_aton wb_inet6_aton
#define ipv6_parse wb_ipv6_parse
#include <net/ipv6_packet.h>
#include "unit.h"

static void round_trip(const char *text, const char *canonical)
{
	struct in6_addr addr;
	char buf[INET6_ADDRSTRLEN];

	CHECK_INT(inet6_aton(text, &addr), 0);
	CHECK_STR(inet6_ntoa(&addr, buf), canonical);
}

static void bad_text(const char *text)
{
	struct in6_addr addr = { { 0x55 } };

	CHECK_INT(inet6_aton(text, &addr), -EINVAL);
	CHECK_INT(addr.s6_addr[0], 0x55);
}

static void test_text(void)
{
	round_trip("::", "::");
	round_trip("::1", "::1");
	round_trip("fe80::1", "fe80::1");
	round_trip("2001:DB8:0:0:0:0:0:1", "2001:db8::1");
	round_trip("2001:db8:0:1:0:0:0:1", "2001:db8:0:1::1");
	/* One zero group stays; the first of two equal runs goes. */
	round_trip("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1");
	round_trip("2001:0:0:1:0:0:1:1", "2001::1:0:0:1:1");
	round_trip("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0");
	round_trip("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
		   "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
	bad_text("");
	bad_text(":");
	bad_text(":::");
	bad_text("1::2::3");
	bad_text("1:2:3:4:5:6:7:8:9");
	bad_text("1:2:3:4:5:6:7");
	bad_text("12345::");
	bad_text("1:");
	bad_text(":1");
	bad_text("fe80::1%net0");
	bad_text("g::");
	bad_text("1:2:3:4:5:6:7:8::");
	bad_text("::10.0.0.1");
}

/* A packet: the IPv6 header, then len payload bytes from payload. */
static size_t packet(uint8_t *buf, uint8_t next, const uint8_t *payload,
		     size_t len)
{
	memset(buf, 0, IPV6_HLEN);
	buf[0] = 0x60;
	buf[4] = (uint8_t)(len >> 8);
	buf[5] = (uint8_t)len;
	buf[6] = next;
	buf[7] = 64;
	memcpy(buf + IPV6_HLEN, payload, len);
	return IPV6_HLEN + len;
}

static void test_plain(void)
{
	uint8_t buf[128];
	uint8_t udp[8] = { 0 };
	struct ipv6_parsed parsed;
	size_t len = packet(buf, 17, udp, sizeof(udp));

	CHECK_INT(ipv6_parse(buf, len + 6, &parsed), 0);	/* padding */
	CHECK_INT(parsed.protocol, 17);
	CHECK_INT(parsed.header_len, IPV6_HLEN);
	CHECK_INT(parsed.total_len, len);
	CHECK(!parsed.fragment);
	CHECK_INT(ipv6_parse(buf, len - 1, &parsed), -EINVAL);	/* truncated */
	CHECK_INT(ipv6_parse(buf, 39, &parsed), -EINVAL);
	buf[0] = 0x40;
	CHECK_INT(ipv6_parse(buf, len, &parsed), -EINVAL);	/* version */
}

static void test_options(void)
{
	uint8_t buf[128];
	/* Hop-by-hop (Pad1, PadN of 2, Pad1), then destination options
	 * (PadN of 4), then ICMPv6. */
	const uint8_t chain[] = {
		IPV6_DSTOPTS, 0, 0, 1, 2, 0, 0, 0,
		IP_ICMPV6, 0, 1, 4, 0, 0, 0, 0,
		128, 0, 0, 0,
	};
	uint8_t copy[sizeof(chain)];
	struct ipv6_parsed parsed;
	size_t len;

	memcpy(copy, chain, sizeof(chain));
	len = packet(buf, IPV6_HOPOPTS, copy, sizeof(copy));
	CHECK_INT(ipv6_parse(buf, len, &parsed), 0);
	CHECK_INT(parsed.protocol, IP_ICMPV6);
	CHECK_INT(parsed.header_len, IPV6_HLEN + 16);

	/* An unknown option of type 00xxxxxx: skipped. */
	copy[3] = 0x05;
	len = packet(buf, IPV6_HOPOPTS, copy, sizeof(copy));
	CHECK_INT(ipv6_parse(buf, len, &parsed), 0);
	/* 01xxxxxx: drop quietly. */
	copy[3] = 0x41;
	len = packet(buf, IPV6_HOPOPTS, copy, sizeof(copy));
	CHECK_INT(ipv6_parse(buf, len, &parsed), -EINVAL);
	/* 10xxxxxx: a parameter problem pointing at it. */
	copy[3] = 0x82;
	len = packet(buf, IPV6_HOPOPTS, copy, sizeof(copy));
	CHECK_INT(ipv6_parse(buf, len, &parsed), -EPROTO);
	CHECK_INT(parsed.problem_code, IPV6_PROBLEM_OPTION);
	CHECK_INT(parsed.problem_offset, IPV6_HLEN + 3);
	/* An option running past its header. */
	copy[3] = 0x05;
	copy[4] = 5;
	len = packet(buf, IPV6_HOPOPTS, copy, sizeof(copy));
	CHECK_INT(ipv6_parse(buf, len, &parsed), -EINVAL);

	/* Hop-by-hop after another header: a problem at the field naming
	 * it. */
	memcpy(copy, chain, sizeof(chain));
	copy[0] = IPV6_HOPOPTS;
	len = packet(buf, IPV6_DSTOPTS, copy, sizeof(copy));
	CHECK_INT(ipv6_parse(buf, len, &parsed), -EPROTO);
	CHECK_INT(parsed.problem_code, IPV6_PROBLEM_NEXT_HEADER);
	CHECK_INT(parsed.problem_offset, IPV6_HLEN);

	/* A header longer than the packet. */
	memcpy(copy, chain, sizeof(chain));
	copy[1] = 9;
	len = packet(buf, IPV6_HOPOPTS, copy, sizeof(copy));
	CHECK_INT(ipv6_parse(buf, len, &parsed), -EINVAL);
}

static void test_routing(void)
{
	uint8_t buf[128];
	uint8_t routing[8 + 16 + 8] = { 17, 2, 0, 0 };
	struct ipv6_parsed parsed;
	size_t len = packet(buf, IPV6_ROUTING, routing, sizeof(routing));

	/* No segments left: skipped. */
	CHECK_INT(ipv6_parse(buf, len, &parsed), 0);
	CHECK_INT(parsed.protocol, 17);
	CHECK_INT(parsed.header_len, IPV6_HLEN + 24);
	routing[3] = 1;
	len = packet(buf, IPV6_ROUTING, routing, sizeof(routing));
	CHECK_INT(ipv6_parse(buf, len, &parsed), -EPROTO);
	CHECK_INT(parsed.problem_code, IPV6_PROBLEM_HEADER);
	CHECK_INT(parsed.problem_offset, IPV6_HLEN + 2);
}

static void test_fragments(void)
{
	uint8_t buf[128];
	uint8_t frag[8 + 16] = { 17, 0, 0x05, 0x01, 0xde, 0xad, 0xbe, 0xef };
	struct ipv6_parsed parsed;
	size_t len = packet(buf, IPV6_FRAGMENT, frag, sizeof(frag));

	CHECK_INT(ipv6_parse(buf, len, &parsed), 0);
	CHECK(parsed.fragment);
	CHECK(parsed.more_fragments);
	CHECK_INT(parsed.frag_offset, 0x500);
	CHECK_INT(parsed.protocol, 17);
	CHECK_INT(parsed.header_len, IPV6_HLEN + 8);
	CHECK(memcmp(&parsed.ident, &frag[4], 4) == 0);
	/* An atomic fragment is the whole datagram. */
	frag[2] = frag[3] = 0;
	len = packet(buf, IPV6_FRAGMENT, frag, sizeof(frag));
	CHECK_INT(ipv6_parse(buf, len, &parsed), 0);
	CHECK(!parsed.fragment);
	CHECK_INT(parsed.protocol, 17);
	/* Cut inside the fragment header. */
	len = packet(buf, IPV6_FRAGMENT, frag, 6);
	CHECK_INT(ipv6_parse(buf, len, &parsed), -EINVAL);
}

int main(void)
{
	test_text();
	test_plain();
	test_options();
	test_routing();
	test_fragments();
	return unit_finish();
}
