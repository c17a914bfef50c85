/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/ethernet.c src/net/arp.c src/net/neighbour.c src/net/ipv4.c src/net/reassembly.c src/net/icmp.c src/net/pinger.c src/net/ping_packet.c src/net/udp.c src/core/random_id.c src/net/inet.c src/net/tcpip.c src/net/netproto.c src/net/socket.c
// FIRMWARE_SOURCES: src/core/netdev.c src/core/iobuf.c src/core/retry.c src/core/process.c src/core/interface.c src/core/xfer.c src/core/settings.c src/core/setting_types.c src/core/inet6.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/*
 * IPv4 packets, several per input so that fragments of one datagram meet:
 * the input is a series of [flags][length:2][packet]. Flags bit 0 fixes the
 * header checksum (so the fuzzer gets past it), bit 1 fixes the total
 * length, bits 2-3 move time on by that many 5-second steps afterwards.
 */

#include "net_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct net_device *netdev = fuzz_netdev();

	while (size >= 3) {
		uint8_t flags = data[0];
		size_t len = (size_t)(data[1] << 8 | data[2]);
		uint8_t packet[2048];

		data += 3;
		size -= 3;
		if (len > size)
			len = size;
		if (len > sizeof(packet))
			len = sizeof(packet);
		memcpy(packet, data, len);
		data += len;
		size -= len;
		if ((flags & 2) && len >= 4) {
			packet[2] = (uint8_t)(len >> 8);
			packet[3] = (uint8_t)len;
		}
		if ((flags & 1) && len >= 20) {
			size_t hlen = (size_t)(packet[0] & 0x0f) * 4;

			if (hlen >= 20 && hlen <= len) {
				packet[10] = packet[11] = 0;
				*(uint16_t *)(packet + 10) =
					~wb_tcpip_chksum(0, packet, hlen);
			}
		}
		inject(netdev, ETH_P_IP, our_mac, packet, len);
		fuzz_advance(5 * ((flags >> 2) & 3));
	}
	return 0;
}
