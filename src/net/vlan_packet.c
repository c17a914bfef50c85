/* SPDX-License-Identifier: GPL-2.0-or-later */
/* 802.1Q tag headers (see net/vlan_packet.h). */

#include <errno.h>
#include <string.h>
#include <net/vlan_packet.h>
#include <wireboot/byteorder.h>

int vlan_parse(const void *data, size_t len, unsigned *tag,
	       unsigned *priority, uint16_t *net_proto)
{
	struct vlan_header hdr;
	unsigned tci;

	if (len < sizeof(hdr))
		return -EINVAL;
	memcpy(&hdr, data, sizeof(hdr));
	tci = ntohs(hdr.tci);
	*tag = tci & 0x0fff;
	*priority = tci >> 13;
	*net_proto = hdr.net_proto;
	return *tag >= VLAN_TAG_MIN && *tag <= VLAN_TAG_MAX ? 0 : -EINVAL;
}
