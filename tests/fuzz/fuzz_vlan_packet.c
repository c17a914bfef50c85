/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/vlan_packet.c src/core/string.c
/* 802.1Q tag headers from arbitrary bytes: an accepted header names a
 * VLAN (1-4094) and a priority of 3 bits, and vlan_tci() gives back the
 * bytes read, but for the drop-eligible bit. */

#include <stddef.h>
#include <stdint.h>

#define vlan_parse wb_vlan_parse
#include <net/vlan_packet.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned tag, priority;
	uint16_t proto;

	if (wb_vlan_parse(data, size, &tag, &priority, &proto) != 0)
		return 0;
	if (size < 4 || tag < VLAN_TAG_MIN || tag > VLAN_TAG_MAX ||
	    priority > VLAN_PRIORITY_MAX)
		__builtin_trap();
	if (vlan_tci(tag, priority) != ((data[0] << 8 | data[1]) & 0xefff))
		__builtin_trap();
	return 0;
}
