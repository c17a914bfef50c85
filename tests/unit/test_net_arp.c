// FIRMWARE_SOURCES: src/net/ethernet.c src/net/arp.c src/net/ipv4.c src/net/ipv4_reassembly.c src/net/icmp.c src/net/udp.c src/net/inet.c src/core/netdev.c src/core/iobuf.c src/core/retry.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/* ARP: answers for our address, resolution with retries and a bounded
 * queue, and malformed packets. */

#include <errno.h>
#include "unit.h"
#include "net_harness.h"

struct arp_packet {
	uint16_t htype, ptype;
	uint8_t hlen, plen;
	uint16_t op;
	uint8_t sha[6];
	uint32_t spa;
	uint8_t tha[6];
	uint32_t tpa;
} __attribute__((packed));

static struct arp_packet arp(uint16_t op, const char *spa, const char *tpa)
{
	struct arp_packet packet = {
		.htype = htons(1), .ptype = htons(0x0800), .hlen = 6, .plen = 4,
		.op = htons(op), .spa = ip(spa).s_addr, .tpa = ip(tpa).s_addr,
	};

	memcpy(packet.sha, peer_mac, 6);
	return packet;
}

static const struct arp_packet *captured_arp(unsigned i)
{
	return (const struct arp_packet *)(captured[i].data + ETH_HLEN);
}

/* Sends a small UDP-less IP packet (protocol 253) to dest. */
static int send_ip(struct net_device *netdev, const char *dest)
{
	struct io_buffer *iob = wb_alloc_net_iob(4);

	memcpy(iob_put(iob, 4), "data", 4);
	return wb_ipv4_tx(iob, 253, ip("0.0.0.0"), ip(dest), netdev);
}

static void test_malformed(struct net_device *netdev)
{
	struct arp_packet packet = arp(1, "10.0.0.1", "10.0.0.2");

	captured_count = 0;
	CHECK_INT(inject(netdev, ETH_P_ARP, our_mac, &packet, sizeof(packet) - 1), -EINVAL);
	packet.htype = htons(6);
	CHECK_INT(inject(netdev, ETH_P_ARP, our_mac, &packet, sizeof(packet)), -EINVAL);
	packet = arp(1, "10.0.0.1", "10.0.0.2");
	packet.ptype = htons(0x86dd);
	CHECK_INT(inject(netdev, ETH_P_ARP, our_mac, &packet, sizeof(packet)), -EINVAL);
	packet = arp(1, "10.0.0.1", "10.0.0.2");
	packet.hlen = 8;
	CHECK_INT(inject(netdev, ETH_P_ARP, our_mac, &packet, sizeof(packet)), -EINVAL);
	packet = arp(1, "10.0.0.1", "10.0.0.2");
	packet.plen = 16;
	CHECK_INT(inject(netdev, ETH_P_ARP, our_mac, &packet, sizeof(packet)), -EINVAL);
	packet = arp(3, "10.0.0.1", "10.0.0.2");
	CHECK_INT(inject(netdev, ETH_P_ARP, our_mac, &packet, sizeof(packet)), -EINVAL);
	packet = arp(1, "10.0.0.1", "10.0.0.2");
	packet.sha[0] = 0x01;
	CHECK_INT(inject(netdev, ETH_P_ARP, our_mac, &packet, sizeof(packet)), -EINVAL);
	CHECK_INT(captured_count, 0);
}

static void test_reply_to_requests(struct net_device *netdev)
{
	struct arp_packet packet = arp(1, "10.0.0.7", "10.0.0.2");
	const struct arp_packet *reply;

	captured_count = 0;
	/* Padding after the packet is fine. */
	uint8_t padded[sizeof(packet) + 18] = { 0 };
	memcpy(padded, &packet, sizeof(packet));
	CHECK_INT(inject(netdev, ETH_P_ARP, wb_eth_broadcast, padded, sizeof(padded)), 0);
	CHECK_INT(captured_count, 1);
	reply = captured_arp(0);
	CHECK(memcmp(captured[0].data, peer_mac, 6) == 0);
	CHECK_INT(ntohs(reply->op), 2);
	CHECK(memcmp(reply->sha, our_mac, 6) == 0);
	CHECK(reply->spa == ip("10.0.0.2").s_addr);
	CHECK(memcmp(reply->tha, peer_mac, 6) == 0);
	CHECK(reply->tpa == ip("10.0.0.7").s_addr);

	/* The asker was learned: a packet to it goes out at once. */
	captured_count = 0;
	CHECK_INT(send_ip(netdev, "10.0.0.7"), 0);
	CHECK_INT(captured_count, 1);
	CHECK(memcmp(captured[0].data, peer_mac, 6) == 0);

	/* Requests for someone else, and probes, are not answered. */
	captured_count = 0;
	packet = arp(1, "10.0.0.8", "10.0.0.9");
	CHECK_INT(inject(netdev, ETH_P_ARP, wb_eth_broadcast, &packet, sizeof(packet)), 0);
	packet = arp(1, "0.0.0.0", "10.0.0.9");
	CHECK_INT(inject(netdev, ETH_P_ARP, wb_eth_broadcast, &packet, sizeof(packet)), 0);
	CHECK_INT(captured_count, 0);
}

static void test_resolution(struct net_device *netdev)
{
	struct arp_packet packet;
	unsigned i;

	captured_count = 0;
	/* Off-link destinations resolve the gateway. */
	for (i = 0; i < 10; i++)
		CHECK_INT(send_ip(netdev, "192.168.5.5"), 0);
	CHECK_INT(captured_count, 1);
	CHECK(memcmp(captured[0].data, wb_eth_broadcast, 6) == 0);
	CHECK_INT(ntohs(captured_arp(0)->op), 1);
	CHECK(captured_arp(0)->tpa == ip("10.0.0.1").s_addr);
	CHECK(captured_arp(0)->spa == ip("10.0.0.2").s_addr);

	/* Retried on the timer. */
	fake_now_us += 300000;
	wb_run_timers();
	CHECK_INT(captured_count, 2);

	/* The reply releases what waited, up to the queue's bound. */
	packet = arp(2, "10.0.0.1", "10.0.0.2");
	captured_count = 0;
	CHECK_INT(inject(netdev, ETH_P_ARP, our_mac, &packet, sizeof(packet)), 0);
	CHECK_INT(captured_count, 8);
	CHECK(memcmp(captured[0].data, peer_mac, 6) == 0);
	CHECK(captured[0].data[12] == 0x08 && captured[0].data[13] == 0x00);
	CHECK(captured_ip(0)->dest.s_addr == ip("192.168.5.5").s_addr);

	/* No more requests once resolved. */
	captured_count = 0;
	fake_now_us += 10000000;
	wb_run_timers();
	CHECK_INT(captured_count, 0);
}

static void test_give_up(struct net_device *netdev)
{
	struct arp_packet packet;
	unsigned i;

	captured_count = 0;
	CHECK_INT(send_ip(netdev, "10.0.0.99"), 0);
	for (i = 0; i < 20; i++) {
		fake_now_us += 1000000;
		wb_run_timers();
	}
	/* A first request and retries with back-off, then silence. */
	CHECK(captured_count >= 3 && captured_count <= 6);
	/* A late reply finds nothing waiting. */
	captured_count = 0;
	packet = arp(2, "10.0.0.99", "10.0.0.2");
	CHECK_INT(inject(netdev, ETH_P_ARP, our_mac, &packet, sizeof(packet)), 0);
	CHECK_INT(captured_count, 0);
}

static void test_unconfigure_flushes(struct net_device *netdev)
{
	struct in_addr none = { 0 };
	unsigned refs = netdev->refcnt.count;

	CHECK_INT(send_ip(netdev, "10.0.0.50"), 0);
	CHECK_INT(netdev->refcnt.count, refs + 1);
	CHECK_INT(wb_ipv4_configure(netdev, none, none, none), 0);
	/* The configuration's and every neighbour's references are gone. */
	CHECK_INT(netdev->refcnt.count, 1);
	configure(netdev);
}

int main(void)
{
	struct net_device *netdev = fake_netdev();

	configure(netdev);
	test_malformed(netdev);
	test_reply_to_requests(netdev);
	test_resolution(netdev);
	test_give_up(netdev);
	test_unconfigure_flushes(netdev);
	return unit_finish();
}
