/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/ethernet.c src/net/arp.c src/net/neighbour.c src/net/ipv4.c src/net/reassembly.c src/net/icmp.c src/net/pinger.c src/net/ping_packet.c src/net/udp.c src/core/random_id.c src/net/inet.c src/net/tcpip.c src/net/netproto.c src/net/socket.c
// FIRMWARE_SOURCES: src/core/netdev.c src/core/iobuf.c src/core/retry.c src/core/process.c src/core/interface.c src/core/xfer.c src/core/settings.c src/core/setting_types.c src/core/inet6.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/*
 * ARP packets. The first byte, if odd, first sends a packet to a neighbour
 * (chosen by the second byte) so that resolutions are pending; the rest is
 * the ARP packet; then time moves on by up to three seconds.
 */

#include <stdio.h>
#include "net_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct net_device *netdev = fuzz_netdev();

	if (size < 2)
		return 0;
	if (data[0] & 1) {
		char dest[16];

		snprintf(dest, sizeof(dest), "10.0.0.%u", data[1]);
		send_ip(netdev, dest, "fuzz", 4);
	}
	inject(netdev, ETH_P_ARP, (data[0] & 2) ? wb_eth_broadcast : our_mac,
	       data + 2, size - 2);
	fuzz_advance((data[0] >> 2) & 3);
	return 0;
}
