/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/vlan_packet.c src/core/string.c
/*
 * 802.1Q tag headers: tag, priority and inner protocol read back from what
 * vlan_tci() makes; short headers and identifiers that name no VLAN
 * (priority-only 0, reserved 4095) refused.
 */

#include <errno.h>
#include <stdint.h>
#include <string.h>

#define vlan_parse wb_vlan_parse
#include <net/vlan_packet.h>
#include <wireboot/byteorder.h>

#include "unit.h"

static void test_parse(void)
{
	uint8_t hdr[] = { 0x60, 0x2a, 0x08, 0x00, 0xff };
	unsigned tag = 0, priority = 0;
	uint16_t proto = 0;

	CHECK_INT(vlan_parse(hdr, sizeof(hdr), &tag, &priority, &proto), 0);
	CHECK_INT(tag, 42);
	CHECK_INT(priority, 3);
	CHECK_INT(ntohs(proto), 0x0800);
	CHECK_INT(vlan_tci(42, 3), 0x602a);
	CHECK_INT(vlan_tci(4094, 7), 0xeffe);
	/* The drop-eligible bit is neither tag nor priority. */
	hdr[0] |= 0x10;
	CHECK_INT(vlan_parse(hdr, 4, &tag, &priority, &proto), 0);
	CHECK_INT(tag, 42);
	CHECK_INT(priority, 3);
	CHECK_INT(vlan_parse(hdr, 3, &tag, &priority, &proto), -EINVAL);
	hdr[0] = 0x20;
	hdr[1] = 0;
	CHECK_INT(vlan_parse(hdr, 4, &tag, &priority, &proto), -EINVAL);
	hdr[0] = 0x0f;
	hdr[1] = 0xff;
	CHECK_INT(vlan_parse(hdr, 4, &tag, &priority, &proto), -EINVAL);
	hdr[1] = 0xfe;
	CHECK_INT(vlan_parse(hdr, 4, &tag, &priority, &proto), 0);
	CHECK_INT(tag, 4094);
}

int main(void)
{
	test_parse();
	return unit_finish();
}
