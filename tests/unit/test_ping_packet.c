/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/ping_packet.c src/core/string.c
/*
 * Echo messages: the request we build (header, pattern), replies read back
 * (identifier, sequence, data length), and what must be refused: another
 * type, a code, a short header, altered data.
 */

#include <errno.h>
#include <stdint.h>
#include <string.h>

#define echo_build wb_echo_build
#define echo_parse wb_echo_parse
#include <net/ping_packet.h>

#include "unit.h"

static void test_build(void)
{
	static const uint8_t want[] = { 8, 0, 0, 0, 0x12, 0x34, 0, 5, 0, 1, 2 };
	uint8_t buf[64];

	CHECK_INT(echo_build(buf, sizeof(buf), 8, 0x1234, 5, 3), sizeof(want));
	CHECK(memcmp(buf, want, sizeof(want)) == 0);
	CHECK_INT(echo_build(buf, 10, 8, 1, 1, 3), -ENOSPC);
	CHECK_INT(echo_build(buf, 7, 8, 1, 1, 0), -ENOSPC);
	CHECK_INT(echo_build(buf, 8, 8, 1, 1, 0), 8);
}

static void test_parse(void)
{
	uint8_t buf[300];
	uint16_t ident = 0, seq = 0;
	int len = echo_build(buf, sizeof(buf), 0, 0xbeef, 0x102, 256);

	CHECK_INT(len, 264);
	CHECK_INT(echo_parse(buf, (size_t)len, 0, &ident, &seq), 256);
	CHECK_INT(ident, 0xbeef);
	CHECK_INT(seq, 0x102);
	/* ICMPv6's reply type is another protocol's business. */
	CHECK_INT(echo_parse(buf, (size_t)len, 129, &ident, &seq), -EINVAL);
	buf[1] = 1;
	CHECK_INT(echo_parse(buf, (size_t)len, 0, &ident, &seq), -EINVAL);
	buf[1] = 0;
	CHECK_INT(echo_parse(buf, 7, 0, &ident, &seq), -EINVAL);
	CHECK_INT(echo_parse(buf, 8, 0, &ident, &seq), 0);
	/* Truncated data is still our pattern, shorter; altered is not. */
	CHECK_INT(echo_parse(buf, 100, 0, &ident, &seq), 92);
	buf[8 + 200] ^= 1;
	CHECK_INT(echo_parse(buf, (size_t)len, 0, &ident, &seq), -EINVAL);
}

int main(void)
{
	test_build();
	test_parse();
	return unit_finish();
}
