/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/ethernet.c src/net/arp.c src/net/neighbour.c src/net/ipv4.c src/net/reassembly.c src/net/icmp.c src/net/pinger.c src/net/ping_packet.c src/net/udp.c src/core/random_id.c src/net/inet.c src/net/tcpip.c src/net/netproto.c src/net/socket.c
// FIRMWARE_SOURCES: src/core/netdev.c src/core/iobuf.c src/core/retry.c src/core/process.c src/core/interface.c src/core/xfer.c src/core/settings.c src/core/setting_types.c src/core/inet6.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/*
 * UDP datagrams inside a valid IPv4 header from 10.0.0.1 to us. The first
 * byte chooses: bit 0 clears the UDP checksum (so the payload is taken
 * without one), bit 1 aims the datagram at the open port 69, bit 2 fixes
 * the checksum (so the fuzzer gets past it to the socket).
 */

#include "net_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct net_device *netdev = fuzz_netdev();
	uint8_t datagram[1480];
	size_t len;

	if (size < 1)
		return 0;
	len = size - 1 < sizeof(datagram) ? size - 1 : sizeof(datagram);
	memcpy(datagram, data + 1, len);
	if ((data[0] & 1) && len >= 8)
		datagram[6] = datagram[7] = 0;
	if ((data[0] & 2) && len >= 4) {
		datagram[2] = 0;
		datagram[3] = 69;
	}
	if ((data[0] & 4) && len >= 8) {
		size_t ulen = (size_t)(datagram[4] << 8 | datagram[5]);

		if (ulen >= 8 && ulen <= len) {
			struct {
				uint32_t src, dest;
				uint8_t zero, protocol;
				uint16_t len;
			} __attribute__((packed)) pseudo = {
				ip("10.0.0.1").s_addr, ip("10.0.0.2").s_addr, 0,
				IP_UDP, htons(ulen)
			};
			uint16_t sum;

			datagram[6] = datagram[7] = 0;
			sum = ~wb_tcpip_chksum(wb_tcpip_chksum(0, &pseudo, sizeof(pseudo)),
					       datagram, ulen);
			memcpy(datagram + 6, &sum, 2);
		}
	}
	inject_ip(netdev, IP_UDP, "10.0.0.2", datagram, len, 1, 0);
	return 0;
}
