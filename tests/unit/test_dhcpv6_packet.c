/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/dhcpv6_packet.c src/core/string.c
/* DHCPv6 messages: the builder's nested options and overflow, the parser
 * on a server's reply (IA_NA address, DNS, search list, boot file URL and
 * parameters) and on malformed messages. */

#include <errno.h>
#include <stdint.h>
#include <string.h>
#define dhcpv6_parse wb_dhcpv6_parse
#define dhcpv6_builder_init wb_dhcpv6_builder_init
#define dhcpv6_put wb_dhcpv6_put
#define dhcpv6_append wb_dhcpv6_append
#define dhcpv6_begin wb_dhcpv6_begin
#define dhcpv6_end wb_dhcpv6_end
#define dhcpv6_finish wb_dhcpv6_finish
#include <net/dhcpv6_packet.h>
#include "unit.h"

static const uint8_t server_id[] = { 0, 3, 0, 1, 2, 0, 0, 0, 0, 1 };
static const uint8_t client_id[] = { 0, 3, 0, 1, 2, 0, 0, 0, 0, 2 };

/* A reply as dnsmasq sends one. */
static int reply(uint8_t *buf, size_t len)
{
	struct dhcpv6_builder b;
	uint8_t ia[12] = { 0, 0, 0, 1, 0, 0, 7, 8, 0, 0, 0x0c, 0x4e };
	uint8_t iaaddr[24] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 0x10,
			       0, 0, 0x0e, 0x10, 0, 0, 0x0e, 0x10 };
	const uint8_t status_ok[] = { 0, 0, 'o', 'k' };
	uint8_t dns[32] = { 0x20, 0x01, [15] = 0x53, 0x20, 0x01, [31] = 0x54 };
	const uint8_t domains[] = { 4, 'b', 'o', 'o', 't', 4, 't', 'e', 's', 't', 0,
				    5, 'o', 't', 'h', 'e', 'r', 0 };
	const char url[] = "tftp://[2001:db8::1]/boot.efi";
	const uint8_t params[] = { 0, 3, 'a', '=', '1', 0, 4, 'q', 'u', 'i', 't' };
	size_t ia_start;

	dhcpv6_builder_init(&b, buf, len, DHCPV6_REPLY, 0xabcdef);
	dhcpv6_put(&b, DHCPV6_OPT_SERVER_ID, server_id, sizeof(server_id));
	dhcpv6_put(&b, DHCPV6_OPT_CLIENT_ID, client_id, sizeof(client_id));
	ia_start = dhcpv6_begin(&b, DHCPV6_OPT_IA_NA);
	dhcpv6_append(&b, ia, sizeof(ia));
	dhcpv6_put(&b, DHCPV6_OPT_IAADDR, iaaddr, sizeof(iaaddr));
	dhcpv6_put(&b, DHCPV6_OPT_STATUS_CODE, status_ok, sizeof(status_ok));
	dhcpv6_end(&b, ia_start);
	dhcpv6_put(&b, DHCPV6_OPT_DNS_SERVERS, dns, sizeof(dns));
	dhcpv6_put(&b, DHCPV6_OPT_DOMAIN_LIST, domains, sizeof(domains));
	dhcpv6_put(&b, DHCPV6_OPT_BOOTFILE_URL, url, sizeof(url) - 1);
	dhcpv6_put(&b, DHCPV6_OPT_BOOTFILE_PARAM, params, sizeof(params));
	dhcpv6_put(&b, 99, NULL, 0);		/* unknown, empty */
	return dhcpv6_finish(&b);
}

static void test_reply(void)
{
	uint8_t buf[512];
	struct dhcpv6_message msg;
	int len = reply(buf, sizeof(buf));

	CHECK(len > 0);
	CHECK_INT(dhcpv6_parse(buf, (size_t)len, &msg), 0);
	CHECK_INT(msg.type, DHCPV6_REPLY);
	CHECK_INT(msg.xid, 0xabcdef);
	CHECK_INT(msg.server_id_len, sizeof(server_id));
	CHECK(memcmp(msg.server_id, server_id, sizeof(server_id)) == 0);
	CHECK_INT(msg.client_id_len, sizeof(client_id));
	CHECK_INT(msg.status, DHCPV6_STATUS_SUCCESS);
	CHECK(msg.has_ia && msg.has_address);
	CHECK_INT(msg.address.s6_addr[0], 0x20);
	CHECK_INT(msg.address.s6_addr[15], 0x10);
	CHECK_INT(msg.valid, 3600);
	CHECK_INT(msg.ia_status, 0);
	CHECK(memcmp(&msg.iaid, "\0\0\0\1", 4) == 0);
	CHECK_INT(msg.dns_count, 2);
	CHECK_INT(msg.dns[1].s6_addr[15], 0x54);
	CHECK_STR(msg.domain, "boot.test");
	CHECK_STR(msg.bootfile_url, "tftp://[2001:db8::1]/boot.efi");
	CHECK_STR(msg.bootfile_param, "a=1 quit");

	/* Every cut of the message: an option cut short is malformed; a cut
	 * between top-level options is a shorter, valid message. */
	{
		int cut, valid = 0;

		for (cut = 0; cut < len; cut++) {
			int rc = dhcpv6_parse(buf, (size_t)cut, &msg);

			CHECK(rc == 0 || rc == -EINVAL);
			valid += rc == 0;
		}
		CHECK(valid >= 8 && valid < 12);
	}
}

static void test_malformed(void)
{
	uint8_t buf[512];
	struct dhcpv6_message msg;
	int len = reply(buf, sizeof(buf));

	/* The server id claims more than is there. */
	buf[7] = 0xff;
	CHECK_INT(dhcpv6_parse(buf, (size_t)len, &msg), -EINVAL);
	/* An identifier longer than a DUID may be. */
	{
		uint8_t big[4 + 4 + DHCPV6_ID_MAX + 1] = { DHCPV6_ADVERTISE, 0, 0, 1,
			0, DHCPV6_OPT_SERVER_ID, 0, DHCPV6_ID_MAX + 1 };

		CHECK_INT(dhcpv6_parse(big, sizeof(big), &msg), -EINVAL);
	}
	/* An IA_NA too short for its fixed fields, and one whose inner
	 * option overruns it. */
	{
		uint8_t ia[4 + 4 + 8] = { DHCPV6_REPLY, 0, 0, 1, 0, 3, 0, 8 };
		uint8_t inner[4 + 4 + 12 + 4] = { DHCPV6_REPLY, 0, 0, 1, 0, 3, 0, 16,
			[20] = 0, 5, 0, 24 };

		CHECK_INT(dhcpv6_parse(ia, sizeof(ia), &msg), -EINVAL);
		CHECK_INT(dhcpv6_parse(inner, sizeof(inner), &msg), -EINVAL);
	}
	/* A domain list with a label past its end, DNS of a partial
	 * address: ignored, the message stands. */
	{
		uint8_t odd[4 + 4 + 5 + 4 + 17] = { DHCPV6_REPLY, 0, 0, 1,
			0, 24, 0, 5, 9, 'a', 'b', 'c', 'd',
			0, 23, 0, 17 };

		CHECK_INT(dhcpv6_parse(odd, sizeof(odd), &msg), 0);
		CHECK_STR(msg.domain, "");
		CHECK_INT(msg.dns_count, 0);
	}
	CHECK_INT(dhcpv6_parse(buf, 3, &msg), -EINVAL);
}

static void test_builder(void)
{
	uint8_t buf[16];
	struct dhcpv6_builder b;
	size_t start;

	dhcpv6_builder_init(&b, buf, sizeof(buf), DHCPV6_SOLICIT, 1);
	start = dhcpv6_begin(&b, DHCPV6_OPT_IA_NA);
	dhcpv6_append(&b, "12345678", 8);
	dhcpv6_end(&b, start);
	CHECK_INT(dhcpv6_finish(&b), 16);
	CHECK_INT(buf[7], 8);
	dhcpv6_put(&b, DHCPV6_OPT_ORO, "", 0);
	CHECK_INT(dhcpv6_finish(&b), -ENOBUFS);
	dhcpv6_builder_init(&b, buf, 3, DHCPV6_SOLICIT, 1);
	CHECK_INT(dhcpv6_finish(&b), -ENOBUFS);
}

int main(void)
{
	test_reply();
	test_malformed();
	test_builder();
	return unit_finish();
}
