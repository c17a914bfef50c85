/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/dhcp_packet.c src/core/string.c
/* DHCP message parsing on arbitrary bytes: validation, option lookup with
 * overload and concatenation, the boot file name. */

#include <stddef.h>
#include <stdint.h>

#define dhcp_parse wb_dhcp_parse
#define dhcp_option wb_dhcp_option
#define dhcp_boot_filename wb_dhcp_boot_filename
#define dhcp_for_each_option wb_dhcp_for_each_option
#define dhcp_builder_init wb_dhcp_builder_init
#define dhcp_put_option wb_dhcp_put_option
#define dhcp_put_byte wb_dhcp_put_byte
#define dhcp_builder_finish wb_dhcp_builder_finish
#include <net/dhcp_packet.h>

static int count_option(void *context, unsigned tag, const uint8_t *value,
			size_t len)
{
	size_t *total = context;

	(void)tag;
	if (len)
		*total += value[len - 1] != 0xff;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dhcp_packet pkt;
	uint8_t value[1024];
	char name[256];
	size_t total = 0;
	unsigned tag;

	if (wb_dhcp_parse(data, size, &pkt) != 0)
		return 0;
	for (tag = 1; tag < 255; tag++)
		wb_dhcp_option(&pkt, tag, value, tag < 128 ? sizeof(value) : 3);
	wb_dhcp_boot_filename(&pkt, name, sizeof(name));
	wb_dhcp_boot_filename(&pkt, name, 2);
	wb_dhcp_for_each_option(&pkt, count_option, &total);
	return 0;
}
