// FIRMWARE_SOURCES: src/net/ethernet.c src/net/arp.c src/net/ipv4.c src/net/ipv4_reassembly.c src/net/icmp.c src/net/udp.c src/net/inet.c src/core/netdev.c src/core/iobuf.c src/core/retry.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/* Ethernet framing: what reaches the protocols and what is dropped. */

#include <errno.h>
#include "unit.h"
#include "net_harness.h"

static const uint8_t other_mac[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x99 };
static const uint8_t multicast_mac[ETH_ALEN] = { 0x01, 0, 0x5e, 0, 0, 1 };

static void test_receive_filters(struct net_device *netdev)
{
	uint8_t payload[46] = { 0 };
	struct io_buffer *iob;

	/* Shorter than a header. */
	iob = wb_alloc_iob(13);
	memset(iob_put(iob, 13), 0xff, 13);
	CHECK_INT(wb_eth_rx(iob, netdev), -EINVAL);
	CHECK_INT(netdev->stats.rx_errors, 1);
	iob = wb_alloc_iob(1);
	CHECK_INT(wb_eth_rx(iob, netdev), -EINVAL);
	CHECK_INT(netdev->stats.rx_errors, 2);

	/* Someone else's unicast frame. */
	CHECK_INT(inject(netdev, ETH_P_IP, other_mac, payload, sizeof(payload)), -EINVAL);
	CHECK_INT(netdev->stats.rx_dropped, 1);

	/* Ethertypes nobody handles (IPv6, an 802.3 length field, VLAN). */
	CHECK_INT(inject(netdev, 0x86dd, our_mac, payload, sizeof(payload)), -ENOTSUP);
	CHECK_INT(inject(netdev, 0x0040, wb_eth_broadcast, payload, sizeof(payload)), -ENOTSUP);
	CHECK_INT(inject(netdev, 0x8100, multicast_mac, payload, sizeof(payload)), -ENOTSUP);
	CHECK_INT(netdev->stats.rx_dropped, 4);

	/* A header and nothing else reaches the protocol, which rejects it. */
	CHECK_INT(inject(netdev, ETH_P_ARP, our_mac, payload, 0), -EINVAL);
	CHECK_INT(inject(netdev, ETH_P_IP, multicast_mac, payload, 0), -EINVAL);
}

static void test_transmit(struct net_device *netdev)
{
	struct io_buffer *iob;
	const uint8_t *frame;

	captured_count = 0;
	iob = wb_alloc_net_iob(64);
	memcpy(iob_put(iob, 3), "abc", 3);
	CHECK_INT(wb_net_tx(iob, netdev, ETH_P_ARP, peer_mac), 0);
	CHECK_INT(captured_count, 1);
	frame = captured[0].data;
	CHECK(memcmp(frame, peer_mac, ETH_ALEN) == 0);
	CHECK(memcmp(frame + 6, our_mac, ETH_ALEN) == 0);
	CHECK(frame[12] == 0x08 && frame[13] == 0x06);
	CHECK(memcmp(frame + 14, "abc", 3) == 0);
	/* Padded to the minimum frame length (by the device layer). */
	CHECK_INT(captured[0].len, 60);

	/* No room for the header. */
	iob = wb_alloc_iob(10);
	iob_put(iob, 10);
	CHECK_INT(wb_net_tx(iob, netdev, ETH_P_IP, peer_mac), -ENOBUFS);
	CHECK_INT(captured_count, 1);
}

void wb_net_poll(void);
int wb_register_netdev(struct net_device *netdev);
void wb_unregister_netdev(struct net_device *netdev);
void wb_netdev_rx(struct net_device *netdev, struct io_buffer *iob);

/* The receive pump hands one queued frame per device and pass to the
 * protocols, and leaves closed devices alone. */
static void test_receive_pump(struct net_device *netdev)
{
	unsigned i, dropped;

	CHECK_INT(wb_register_netdev(netdev), 0);
	for (i = 0; i < 2; i++) {
		struct io_buffer *iob = wb_alloc_iob(64);
		memset(iob_put(iob, 60), 0xff, 60);	/* broadcast, unknown type */
		wb_netdev_rx(netdev, iob);
	}
	wb_net_poll();
	CHECK(!list_empty(&netdev->rx_queue));
	wb_net_poll();
	CHECK(list_empty(&netdev->rx_queue));

	/* A closed device neither queues frames nor is polled. */
	wb_netdev_close(netdev);
	dropped = netdev->stats.rx_dropped;
	wb_netdev_rx(netdev, wb_alloc_iob(64));
	CHECK(list_empty(&netdev->rx_queue));
	CHECK_INT(netdev->stats.rx_dropped, dropped + 1);
	wb_unregister_netdev(netdev);
	netdev_put(netdev);	/* the creator's reference */
}

int main(void)
{
	struct net_device *netdev = fake_netdev();

	test_receive_filters(netdev);
	test_transmit(netdev);
	test_receive_pump(netdev);
	return unit_finish();
}
