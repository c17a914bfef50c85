/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/inet.c src/core/vsprintf.c src/core/string.c
/* Dotted-quad addresses: strict parsing and formatting. */

#include <errno.h>
#include <stdint.h>
#include "unit.h"

struct in_addr {
	uint32_t s_addr;
};

int wb_inet_aton(const char *text, struct in_addr *addr);
const char *wb_inet_ntoa_r(struct in_addr addr, char *buf);

static void good(const char *text, uint32_t host)
{
	struct in_addr addr = { 0 };

	CHECK_INT(wb_inet_aton(text, &addr), 0);
	CHECK_INT(__builtin_bswap32(addr.s_addr), host);
}

static void bad(const char *text)
{
	struct in_addr addr = { 0x12345678 };

	CHECK_INT(wb_inet_aton(text, &addr), -EINVAL);
	CHECK_INT(addr.s_addr, 0x12345678);
}

int main(void)
{
	char buf[16];
	struct in_addr addr;

	good("10.0.2.15", 0x0a00020f);
	good("0.0.0.0", 0);
	good("255.255.255.255", 0xffffffff);
	good("192.168.100.1", 0xc0a86401);

	bad("");
	bad("10.0.2");
	bad("10.0.2.15.");
	bad("10.0.2.15.1");
	bad("256.0.0.1");
	bad("1.2.3.1000");
	bad("1..2.3");
	bad(".1.2.3");
	bad("010.0.0.1");
	bad("1.2.3.4 ");
	bad(" 1.2.3.4");
	bad("1.2.3.-4");
	bad("1.2.3.+4");
	bad("0x1.2.3.4");
	bad("1.2.3.4x");
	bad("4294967295");

	addr.s_addr = __builtin_bswap32(0x0a00020f);
	CHECK_STR(wb_inet_ntoa_r(addr, buf), "10.0.2.15");
	addr.s_addr = 0xffffffff;
	CHECK_STR(wb_inet_ntoa_r(addr, buf), "255.255.255.255");
	addr.s_addr = 0;
	CHECK_STR(wb_inet_ntoa_r(addr, buf), "0.0.0.0");
	return unit_finish();
}
