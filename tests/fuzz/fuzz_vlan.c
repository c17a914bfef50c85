/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/ethernet.c src/net/arp.c src/net/neighbour.c src/net/ipv4.c src/net/reassembly.c src/net/icmp.c src/net/pinger.c src/net/ping_packet.c src/net/udp.c src/core/random_id.c src/net/inet.c src/net/tcpip.c src/net/netproto.c src/net/socket.c
// FIRMWARE_SOURCES: src/net/vlan.c src/net/vlan_packet.c src/core/netdev.c src/core/iobuf.c src/core/retry.c src/core/process.c src/core/interface.c src/core/xfer.c src/core/settings.c src/core/setting_types.c src/core/inet6.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/*
 * Whole frames into a trunk that carries VLAN 42 (configured 10.0.0.2, so
 * ARP and echo requests to it are answered through the VLAN): the tag
 * parser and the untagging on every input, and whatever the VLAN answers
 * goes out through the trunk tagged with its tag and priority.
 */

#include "net_fuzz.h"

#define vlan_create wb_vlan_create
#include <net/vlan.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct net_device *vlan;
	struct net_device *trunk = fuzz_netdev();
	struct io_buffer *iob;
	unsigned i;

	if (!vlan) {
		if (wb_vlan_create(trunk, 42, 3, &vlan) != 0 ||
		    wb_netdev_open(vlan) != 0)
			abort();
		/* The trunk answers as 10.0.0.2 already: the VLAN is
		 * 10.0.1.2, so what it sends is its own. */
		wb_ipv4_configure(vlan, ip("10.0.1.2"), ip("255.255.255.0"),
				  ip("10.0.1.1"));
	}
	iob = wb_alloc_iob(size);
	memcpy(iob_put(iob, size), data, size);
	wb_net_rx_frame(iob, trunk);
	fuzz_advance(1);
	for (i = 0; i < captured_count; i++) {
		const uint8_t *f = captured[i].data;

		if (captured[i].netdev != trunk)
			__builtin_trap();
		/* Only the VLAN's frames are tagged, always as VLAN 42
		 * with priority 3. */
		if (captured[i].len >= 18 && f[12] == 0x81 && f[13] == 0 &&
		    (f[14] != 0x60 || f[15] != 42))
			__builtin_trap();
	}
	return 0;
}
