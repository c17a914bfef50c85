/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/tcp_packet.c
/*
 * TCP segment parsing and option building: every option (and each with a
 * wrong length, ignored), options running past the header, data offsets
 * below 5 or past the end, short segments; building and parsing back;
 * SACK blocks that do not fit beside a timestamp; sequence comparisons
 * across the wrap.
 */

#include <errno.h>
#include <stdint.h>
#include <string.h>

#define tcp_parse wb_tcp_parse
#define tcp_options_len wb_tcp_options_len
#define tcp_build_options wb_tcp_build_options
#include <net/tcp_packet.h>

#include "unit.h"

/* A header of 20 bytes plus opts, data offset from the total. */
static size_t segment(uint8_t *buf, const uint8_t *opts, size_t optlen,
		      size_t data_len)
{
	memset(buf, 0, 20);
	buf[0] = 0x04; buf[1] = 0xd2;		/* 1234 */
	buf[2] = 0x00; buf[3] = 0x50;		/* 80 */
	buf[4] = 0x01; buf[5] = 0x02; buf[6] = 0x03; buf[7] = 0x04;
	buf[8] = 0xa0; buf[9] = 0xb0; buf[10] = 0xc0; buf[11] = 0xd0;
	buf[12] = (uint8_t)(((20 + optlen) / 4) << 4);
	buf[13] = TCP_ACK | TCP_PSH;
	buf[14] = 0xff; buf[15] = 0xfe;
	if (optlen)
		memcpy(buf + 20, opts, optlen);
	memset(buf + 20 + optlen, 'd', data_len);
	return 20 + optlen + data_len;
}

static void test_header(void)
{
	uint8_t buf[128];
	struct tcp_segment seg;
	size_t len = segment(buf, NULL, 0, 5);

	CHECK_INT(tcp_parse(buf, len, &seg), 0);
	CHECK_INT(seg.src_port, 1234);
	CHECK_INT(seg.dest_port, 80);
	CHECK_INT(seg.seq, 0x01020304);
	CHECK_INT(seg.ack, 0xa0b0c0d0u);
	CHECK_INT(seg.flags, TCP_ACK | TCP_PSH);
	CHECK_INT(seg.window, 0xfffe);
	CHECK_INT(seg.hlen, 20);
	CHECK_INT(seg.data_len, 5);
	CHECK_INT(seg.opts.present, 0);
}

static void test_bad_headers(void)
{
	uint8_t buf[128];
	struct tcp_segment seg;
	size_t len = segment(buf, NULL, 0, 0);

	CHECK_INT(tcp_parse(buf, 19, &seg), -EINVAL);
	CHECK_INT(tcp_parse(buf, 0, &seg), -EINVAL);
	buf[12] = 4 << 4;			/* data offset 4 */
	CHECK_INT(tcp_parse(buf, len, &seg), -EINVAL);
	buf[12] = 0;
	CHECK_INT(tcp_parse(buf, len, &seg), -EINVAL);
	buf[12] = 6 << 4;			/* 24 bytes, only 20 there */
	CHECK_INT(tcp_parse(buf, len, &seg), -EINVAL);
	buf[12] = 15 << 4;
	CHECK_INT(tcp_parse(buf, 59, &seg), -EINVAL);
	memset(buf + 20, TCP_OPT_NOP, 40);
	CHECK_INT(tcp_parse(buf, 60, &seg), 0);
	CHECK_INT(seg.hlen, 60);
	CHECK_INT(seg.data_len, 0);
}

static void test_options(void)
{
	static const uint8_t all[] = {
		TCP_OPT_MSS, 4, 0x05, 0xb4,
		TCP_OPT_NOP, TCP_OPT_WSCALE, 3, 7,
		TCP_OPT_NOP, TCP_OPT_NOP, TCP_OPT_SACK_OK, 2,
		TCP_OPT_NOP, TCP_OPT_NOP, TCP_OPT_TS, 10, 0, 0, 1, 0, 0, 0, 2, 0,
		TCP_OPT_NOP, TCP_OPT_NOP, TCP_OPT_SACK, 10, 0, 0, 0, 10, 0, 0, 0, 20,
		TCP_OPT_END, 0, 0, 0,
	};
	uint8_t buf[128];
	struct tcp_segment seg;
	size_t len = segment(buf, all, sizeof(all), 3);

	CHECK_INT(sizeof(all) % 4, 0);
	CHECK_INT(tcp_parse(buf, len, &seg), 0);
	CHECK_INT(seg.opts.present, TCP_HAVE_MSS | TCP_HAVE_WSCALE |
		  TCP_HAVE_SACK_OK | TCP_HAVE_TS | TCP_HAVE_SACK);
	CHECK_INT(seg.opts.mss, 1460);
	CHECK_INT(seg.opts.wscale, 7);
	CHECK_INT(seg.opts.tsval, 256);
	CHECK_INT(seg.opts.tsecr, 512);
	CHECK_INT(seg.opts.sack_count, 1);
	CHECK_INT(seg.opts.sack[0].left, 10);
	CHECK_INT(seg.opts.sack[0].right, 20);
	CHECK_INT(seg.data_len, 3);
}

/* Options whose length is wrong for their kind are ignored; one that
 * runs past the header, or a length below 2, refuses the segment. */
static void test_bad_options(void)
{
	uint8_t buf[128];
	struct tcp_segment seg;
	size_t len;

	{
		static const uint8_t odd[] = {
			TCP_OPT_MSS, 3, 1, TCP_OPT_WSCALE, 4, 1, 1,
			TCP_OPT_SACK_OK, 3, 0, TCP_OPT_TS, 6, 0, 0, 0, 0,
			TCP_OPT_SACK, 6, 0, 0, 0, 0, 99, 2, TCP_OPT_END, 0,
			0, 0, 0, 0, 0, 0,
		};
		len = segment(buf, odd, sizeof(odd), 0);
		CHECK_INT(tcp_parse(buf, len, &seg), 0);
		CHECK_INT(seg.opts.present, 0);
	}
	{
		static const uint8_t big_shift[] = {
			TCP_OPT_WSCALE, 3, 200, TCP_OPT_END,
		};
		len = segment(buf, big_shift, sizeof(big_shift), 0);
		CHECK_INT(tcp_parse(buf, len, &seg), 0);
		CHECK_INT(seg.opts.wscale, TCP_MAX_WSCALE);
	}
	{
		static const uint8_t past[] = { TCP_OPT_NOP, TCP_OPT_MSS, 4, 5 };
		static const uint8_t past2[] = { TCP_OPT_TS, 10, 0, 0 };
		static const uint8_t zero_len[] = { 77, 0, 0, 0 };
		static const uint8_t one_len[] = { 77, 1, 0, 0 };
		static const uint8_t lone_kind[] = { 1, 1, 1, 77 };

		len = segment(buf, past, sizeof(past), 0);
		CHECK_INT(tcp_parse(buf, len, &seg), -EINVAL);
		len = segment(buf, past2, sizeof(past2), 0);
		CHECK_INT(tcp_parse(buf, len, &seg), -EINVAL);
		len = segment(buf, zero_len, sizeof(zero_len), 0);
		CHECK_INT(tcp_parse(buf, len, &seg), -EINVAL);
		len = segment(buf, one_len, sizeof(one_len), 0);
		CHECK_INT(tcp_parse(buf, len, &seg), -EINVAL);
		len = segment(buf, lone_kind, sizeof(lone_kind), 0);
		CHECK_INT(tcp_parse(buf, len, &seg), -EINVAL);
	}
	{
		/* The data is not option space: an option may not reach it. */
		static const uint8_t into_data[] = { TCP_OPT_NOP, TCP_OPT_NOP,
						     TCP_OPT_NOP, TCP_OPT_MSS };
		len = segment(buf, into_data, sizeof(into_data), 8);
		buf[24] = 4;	/* the first data byte as the length */
		CHECK_INT(tcp_parse(buf, len, &seg), -EINVAL);
	}
}

static void test_build(void)
{
	struct tcp_options opts = {
		.present = TCP_HAVE_MSS | TCP_HAVE_WSCALE | TCP_HAVE_SACK_OK |
			   TCP_HAVE_TS,
		.mss = 1460, .wscale = 6, .tsval = 0x11223344, .tsecr = 0x55667788,
	};
	uint8_t buf[128];
	struct tcp_segment seg;
	size_t optlen = tcp_options_len(&opts), len;
	uint8_t area[TCP_MAX_OPTLEN];

	CHECK_INT(optlen, 24);
	CHECK_INT(tcp_build_options(area, &opts), optlen);
	len = segment(buf, area, optlen, 0);
	CHECK_INT(tcp_parse(buf, len, &seg), 0);
	CHECK_INT(seg.opts.present, opts.present);
	CHECK_INT(seg.opts.mss, 1460);
	CHECK_INT(seg.opts.wscale, 6);
	CHECK_INT(seg.opts.tsval, 0x11223344);
	CHECK_INT(seg.opts.tsecr, 0x55667788);

	/* Four SACK blocks: all four alone, three beside a timestamp. */
	memset(&opts, 0, sizeof(opts));
	opts.present = TCP_HAVE_SACK;
	opts.sack_count = 4;
	for (unsigned i = 0; i < 4; i++) {
		opts.sack[i].left = 1000 * i + 0xfffff000u;
		opts.sack[i].right = 1000 * i + 0xfffff100u;
	}
	CHECK_INT(tcp_options_len(&opts), 36);
	optlen = tcp_build_options(area, &opts);
	len = segment(buf, area, optlen, 0);
	CHECK_INT(tcp_parse(buf, len, &seg), 0);
	CHECK_INT(seg.opts.sack_count, 4);
	CHECK_INT(seg.opts.sack[3].left, 3000 + 0xfffff000u);
	opts.present |= TCP_HAVE_TS;
	CHECK_INT(tcp_options_len(&opts), 12 + 28);
	optlen = tcp_build_options(area, &opts);
	CHECK_INT(optlen, 40);
	len = segment(buf, area, optlen, 0);
	CHECK_INT(tcp_parse(buf, len, &seg), 0);
	CHECK_INT(seg.opts.sack_count, 3);
	CHECK(seg.opts.present & TCP_HAVE_TS);
	opts.present = 0;
	CHECK_INT(tcp_options_len(&opts), 0);
}

static void test_sequence_wrap(void)
{
	CHECK(seq_lt(0xfffffff0u, 0x10));
	CHECK(seq_gt(0x10, 0xfffffff0u));
	CHECK(seq_le(5, 5) && seq_ge(5, 5));
	CHECK(!seq_lt(5, 5));
	CHECK(seq_lt(0x7fffffffu, 0x80000000u));
	CHECK_INT(seq_max(0xffffff00u, 0x100), 0x100);
}

int main(void)
{
	test_header();
	test_bad_headers();
	test_options();
	test_bad_options();
	test_build();
	test_sequence_wrap();
	return unit_finish();
}
