/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/ethernet.c src/net/arp.c src/net/neighbour.c src/net/ipv4.c src/net/reassembly.c src/net/icmp.c src/net/pinger.c src/net/ping_packet.c src/net/udp.c src/core/random_id.c src/net/inet.c src/net/tcpip.c src/net/netproto.c src/net/socket.c
// FIRMWARE_SOURCES: src/core/netdev.c src/core/iobuf.c src/core/retry.c src/core/process.c src/core/interface.c src/core/xfer.c src/core/settings.c src/core/setting_types.c src/core/inet6.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/* Ethernet framing through the link-layer operations: what reaches the
 * protocols and what is dropped, transmission, and the receive pump. */

#include <errno.h>
#include "unit.h"
#include "net_harness.h"

static const uint8_t other_mac[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x99 };
static const uint8_t multicast_mac[ETH_ALEN] = { 0x01, 0, 0x5e, 0, 0, 1 };

static void test_link_layer(struct net_device *netdev)
{
	/* The Ethernet net driver gave the device its link layer, and the
	 * address came from the NIC's own. */
	CHECK(netdev->ll_protocol == &wb_ethernet_protocol);
	CHECK(memcmp(netdev->ll_addr, our_mac, ETH_ALEN) == 0);
	CHECK_INT(netdev->ll_protocol->ll_header_len, ETH_HLEN);
}

static void test_receive_filters(struct net_device *netdev)
{
	uint8_t payload[46] = { 0 };
	struct io_buffer *iob;

	/* Shorter than a header. */
	iob = wb_alloc_iob(13);
	memset(iob_put(iob, 13), 0xff, 13);
	CHECK_ERR(wb_net_rx_frame(iob, netdev), -EINVAL);
	CHECK_INT(netdev->stats.rx_errors, 1);
	iob = wb_alloc_iob(1);
	CHECK_ERR(wb_net_rx_frame(iob, netdev), -EINVAL);
	CHECK_INT(netdev->stats.rx_errors, 2);

	/* Someone else's unicast frame. */
	CHECK_ERR(inject(netdev, ETH_P_IP, other_mac, payload, sizeof(payload)), -ENOENT);
	CHECK_INT(netdev->stats.rx_dropped, 1);
	/* ...is dropped, not an error. */
	CHECK_INT(netdev->stats.rx_errors, 2);

	/* Ethertypes nobody handles (IPv6, an 802.3 length field, VLAN). */
	CHECK_ERR(inject(netdev, 0x86dd, our_mac, payload, sizeof(payload)), -ENOTSUP);
	CHECK_ERR(inject(netdev, 0x0040, wb_eth_broadcast, payload, sizeof(payload)), -ENOTSUP);
	CHECK_ERR(inject(netdev, 0x8100, multicast_mac, payload, sizeof(payload)), -ENOTSUP);
	CHECK_INT(netdev->stats.rx_dropped, 4);

	/* A header and nothing else reaches the protocol, which rejects it. */
	CHECK_ERR(inject(netdev, ETH_P_ARP, our_mac, payload, 0), -EINVAL);
	CHECK_ERR(inject(netdev, ETH_P_IP, multicast_mac, payload, 0), -EINVAL);
}

static void test_transmit(struct net_device *netdev)
{
	struct net_device *bare;
	struct io_buffer *iob;
	const uint8_t *frame;

	captured_count = 0;
	iob = wb_alloc_net_iob(64);
	memcpy(iob_put(iob, 3), "abc", 3);
	CHECK_INT(wb_net_tx(iob, netdev, &wb_arp_protocol, peer_mac), 0);
	CHECK_INT(captured_count, 1);
	frame = captured[0].data;
	CHECK(memcmp(frame, peer_mac, ETH_ALEN) == 0);
	CHECK(memcmp(frame + 6, our_mac, ETH_ALEN) == 0);
	CHECK(frame[12] == 0x08 && frame[13] == 0x06);
	CHECK(memcmp(frame + 14, "abc", 3) == 0);
	/* Padded to the minimum frame length (by the device layer). */
	CHECK_INT(captured[0].len, 60);

	/* The protocol number is the network protocol's own. */
	iob = wb_alloc_net_iob(64);
	memcpy(iob_put(iob, 3), "abc", 3);
	CHECK_INT(wb_net_tx(iob, netdev, &wb_ipv4_protocol, wb_eth_broadcast), 0);
	CHECK_INT(captured_count, 2);
	CHECK(memcmp(captured[1].data, wb_eth_broadcast, ETH_ALEN) == 0);
	CHECK(captured[1].data[12] == 0x08 && captured[1].data[13] == 0x00);

	/* No room for the header (freed, not leaked: ASan would tell). */
	iob = wb_alloc_iob(10);
	iob_put(iob, 10);
	CHECK_ERR(wb_net_tx(iob, netdev, &wb_ipv4_protocol, peer_mac), -ENOBUFS);
	CHECK_INT(captured_count, 2);

	/* A device nobody gave a link layer sends and takes nothing. */
	bare = wb_alloc_netdev(0);
	bare->op = &fake_operations;
	CHECK(bare->ll_protocol == NULL);
	CHECK_ERR(wb_net_tx(wb_alloc_net_iob(8), bare, &wb_ipv4_protocol, peer_mac), -ENETDOWN);
	CHECK_ERR(wb_net_rx_frame(wb_alloc_iob(60), bare), -ENETDOWN);
	CHECK_INT(captured_count, 2);
	netdev_put(bare);
}

/* The receive pump hands a bounded number of queued frames per device and
 * pass to the protocols, and leaves closed devices alone. */
static void test_receive_pump(struct net_device *netdev)
{
	unsigned i, dropped, polls, unknown;

	unknown = netdev->stats.rx_dropped;
	for (i = 0; i < 33; i++) {
		struct io_buffer *iob = wb_alloc_iob(64);
		memset(iob_put(iob, 60), 0xff, 60);	/* broadcast, unknown type */
		wb_netdev_rx(netdev, iob);
	}
	CHECK_INT(netdev->rx_queued, 33);
	polls = fake_polls;
	wb_net_poll();
	CHECK_INT(fake_polls, polls + 1);
	/* 32 per pass (a driver's ring): one is left for the next. */
	CHECK_INT(netdev->rx_queued, 1);
	CHECK(!list_empty(&netdev->rx_queue));
	wb_net_poll();
	CHECK(list_empty(&netdev->rx_queue));
	CHECK_INT(netdev->rx_queued, 0);
	/* All 33 reached the dispatch, which dropped them as unknown. */
	CHECK_INT(netdev->stats.rx_dropped, unknown + 33);

	/* The pump runs as a permanent process of the main loop. */
	polls = fake_polls;
	wb_step();
	CHECK_INT(fake_polls, polls + 1);

	/* A closed device neither queues frames nor is polled. */
	wb_netdev_close(netdev);
	dropped = netdev->stats.rx_dropped;
	wb_netdev_rx(netdev, wb_alloc_iob(64));
	CHECK(list_empty(&netdev->rx_queue));
	CHECK_INT(netdev->stats.rx_dropped, dropped + 1);
	polls = fake_polls;
	wb_net_poll();
	CHECK_INT(fake_polls, polls);
}

int main(void)
{
	struct net_device *netdev = fake_netdev();

	test_link_layer(netdev);
	test_receive_filters(netdev);
	test_transmit(netdev);
	test_receive_pump(netdev);
	fake_netdev_remove(netdev);
	return unit_finish();
}
