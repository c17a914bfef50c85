/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/pxe_options.c src/net/dhcp_packet.c src/core/string.c
/* PXE vendor sub-options of option 43: what dnsmasq sends with a boot
 * menu, the boot servers and menu lookups, the boot item we build, and
 * malformed values (sizes, lists running past their sub-option, a
 * sub-option running past the value, truncation at every byte), each
 * from an exact-size copy so the sanitizer sees any overrun. */

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#define pxe_options_parse wb_pxe_options_parse
#define pxe_boot_servers wb_pxe_boot_servers
#define pxe_server_listed wb_pxe_server_listed
#define pxe_menu_item wb_pxe_menu_item
#define pxe_build_boot_item wb_pxe_build_boot_item
#include <net/pxe_options.h>
#include "unit.h"

/* As dnsmasq 2.90 sends them for two services and a prompt. */
static const uint8_t menu_offer[] = {
	6, 1, 3,					/* control */
	8, 14, 0x80, 0x00, 1, 10, 79, 0, 1,		/* servers */
	0x80, 0x01, 1, 10, 79, 0, 1,
	9, 29, 0x80, 0x00, 11, 'F', 'i', 'r', 's', 't', ' ', 'e', 'n', 't',
	'r', 'y', 0x80, 0x01, 12, 'S', 'e', 'c', 'o', 'n', 'd', ' ', 'e', 'n',
	't', 'r', 'y',
	10, 7, 3, 'C', 'h', 'o', 'o', 's', 'e',		/* prompt */
	200, 2, 0xaa, 0xbb,				/* someone else's */
	255,
};

static int parse_copy(const uint8_t *data, size_t len, struct pxe_options *pxe,
		      uint8_t **copy)
{
	*copy = malloc(len ? len : 1);
	if (len)
		memcpy(*copy, data, len);
	return wb_pxe_options_parse(*copy, len, pxe);
}

static void test_menu_offer(void)
{
	struct pxe_options pxe;
	struct pxe_menu_item item;
	struct in_addr addrs[2];
	struct in_addr server = { .s_addr = 0 };
	uint8_t *copy;

	CHECK_INT(parse_copy(menu_offer, sizeof(menu_offer), &pxe, &copy), 0);
	CHECK_INT(pxe.discovery_control,
		  PXE_DISABLE_BROADCAST | PXE_DISABLE_MULTICAST);
	CHECK(!pxe.has_mcast && !pxe.has_item);
	CHECK_INT(wb_pxe_boot_servers(&pxe, 0x8001, addrs, 2), 1);
	CHECK(memcmp(&addrs[0], "\x0a\x4f\x00\x01", 4) == 0);
	CHECK_INT(wb_pxe_boot_servers(&pxe, 4242, addrs, 2), 0);
	memcpy(&server, "\x0a\x4f\x00\x01", 4);
	CHECK(wb_pxe_server_listed(&pxe, 0x8000, server));
	CHECK(!wb_pxe_server_listed(&pxe, 7, server));
	server.s_addr ^= 0x01000000u;
	CHECK(!wb_pxe_server_listed(&pxe, 0x8000, server));

	CHECK_INT(wb_pxe_menu_item(&pxe, 0, &item), 0);
	CHECK_INT(item.type, 0x8000);
	CHECK(item.text_len == 11 && memcmp(item.text, "First entry", 11) == 0);
	CHECK_INT(wb_pxe_menu_item(&pxe, 1, &item), 0);
	CHECK_INT(item.type, 0x8001);
	CHECK(item.text_len == 12 && memcmp(item.text, "Second entry", 12) == 0);
	CHECK_ERR(wb_pxe_menu_item(&pxe, 2, &item), -ENOENT);

	CHECK(pxe.has_prompt && pxe.prompt_timeout == 3 &&
	      pxe.prompt_len == 6 && memcmp(pxe.prompt, "Choose", 6) == 0);
	free(copy);
}

static void test_servers_and_mcast(void)
{
	/* One type with three servers, beyond what the caller takes. */
	static const uint8_t data[] = {
		6, 1, PXE_ONLY_LISTED_SERVERS,
		7, 4, 224, 0, 1, 2,
		8, 15, 0x00, 0x07, 3, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3,
	};
	struct pxe_options pxe;
	struct in_addr addrs[2];
	uint8_t *copy;

	CHECK_INT(parse_copy(data, sizeof(data), &pxe, &copy), 0);
	CHECK_INT(pxe.discovery_control, PXE_ONLY_LISTED_SERVERS);
	CHECK(pxe.has_mcast && memcmp(&pxe.mcast, "\xe0\x00\x01\x02", 4) == 0);
	CHECK_INT(wb_pxe_boot_servers(&pxe, 7, addrs, 2), 3);
	CHECK(memcmp(&addrs[1], "\x02\x02\x02\x02", 4) == 0);
	CHECK_INT(wb_pxe_boot_servers(&pxe, 7, NULL, 0), 3);
	free(copy);
}

static void test_boot_item(void)
{
	uint8_t buf[8];
	struct pxe_options pxe;
	uint8_t *copy;
	int len;

	len = wb_pxe_build_boot_item(buf, sizeof(buf), 0x8001, 0);
	CHECK_INT(len, 7);
	CHECK(memcmp(buf, "\x47\x04\x80\x01\x00\x00\xff", 7) == 0);
	CHECK_INT(parse_copy(buf, (size_t)len, &pxe, &copy), 0);
	CHECK(pxe.has_item && pxe.item_type == 0x8001 && pxe.item_layer == 0);
	free(copy);
	CHECK_ERR(wb_pxe_build_boot_item(buf, 6, 1, 0), -ENOSPC);
	CHECK_ERR(wb_pxe_build_boot_item(buf, 0, 1, 0), -ENOSPC);
}

static void check_bad(const uint8_t *data, size_t len, int line)
{
	struct pxe_options pxe;
	uint8_t *copy;
	int rc = parse_copy(data, len, &pxe, &copy);

	if (!unit_check(rc == -EINVAL, "malformed value rejected", __FILE__,
			line))
		return;
	/* Nothing of it is left to use. */
	unit_check(pxe.servers_len == 0 && pxe.menu_len == 0 &&
		   !pxe.has_item && !pxe.has_prompt, "nothing kept", __FILE__,
		   line);
	free(copy);
}
#define CHECK_BAD(...) do { \
	static const uint8_t bad[] = { __VA_ARGS__ }; \
	check_bad(bad, sizeof(bad), __LINE__); \
} while (0)

static void test_malformed(void)
{
	struct pxe_options pxe;
	uint8_t *copy;
	size_t len;

	CHECK_BAD(6, 2, 1, 2);				/* control of 2 bytes */
	CHECK_BAD(6, 0);				/* or none */
	CHECK_BAD(7, 3, 224, 0, 1);			/* short address */
	CHECK_BAD(71, 3, 0, 1, 0);			/* short item */
	CHECK_BAD(71, 5, 0, 1, 0, 0, 0);		/* long item */
	CHECK_BAD(10, 0);				/* prompt without timeout */
	CHECK_BAD(8, 2, 0, 1);				/* server entry header cut */
	CHECK_BAD(8, 7, 0, 1, 2, 1, 1, 1, 1);		/* count 2, one address */
	CHECK_BAD(8, 8, 0, 1, 1, 1, 1, 1, 1, 9);	/* trailing byte */
	CHECK_BAD(9, 4, 0, 1, 2, 'a');			/* text runs past */
	CHECK_BAD(9, 2, 0, 1);				/* entry header cut */
	CHECK_BAD(9, 5, 0, 1, 2, 'a', 'b', 6, 1);	/* then cut off */
	CHECK_BAD(6, 5, 1);				/* past the value */
	CHECK_BAD(6);					/* length missing */

	/* Every truncation of a good value either parses or is rejected,
	 * never read past. */
	for (len = 0; len < sizeof(menu_offer); len++) {
		int rc = parse_copy(menu_offer, len, &pxe, &copy);

		CHECK(rc == 0 || rc == -EINVAL);
		free(copy);
	}
	/* Pads and an empty value are fine. */
	CHECK_INT(parse_copy((const uint8_t *)"\0\0\xff", 3, &pxe, &copy), 0);
	free(copy);
	CHECK_INT(parse_copy(NULL, 0, &pxe, &copy), 0);
	CHECK(pxe.discovery_control == 0 && pxe.servers_len == 0);
	free(copy);
}

int main(void)
{
	test_menu_offer();
	test_servers_and_mcast();
	test_boot_item();
	test_malformed();
	return unit_finish();
}
