/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/ethernet.c src/net/arp.c src/net/neighbour.c src/net/ipv4.c src/net/reassembly.c src/net/icmp.c src/net/pinger.c src/net/ping_packet.c src/net/udp.c src/core/random_id.c src/net/inet.c src/net/tcpip.c src/net/netproto.c src/net/socket.c
// FIRMWARE_SOURCES: src/core/netdev.c src/core/iobuf.c src/core/retry.c src/core/process.c src/core/interface.c src/core/xfer.c src/core/settings.c src/core/setting_types.c src/core/inet6.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/* ARP: answers for our address, resolution with retries and a bounded
 * queue, malformed packets, and the cache kept per device: separate for
 * each, flushed when the address changes, the device closes or goes. */

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

static int send_data(struct net_device *netdev, const char *dest)
{
	return send_ip(netdev, dest, "data", 4);
}

static void test_malformed(struct net_device *netdev)
{
	struct arp_packet packet = arp(1, "10.0.0.1", "10.0.0.2");

	captured_count = 0;
	CHECK_ERR(inject(netdev, ETH_P_ARP, our_mac, &packet, sizeof(packet) - 1), -EINVAL);
	packet.htype = htons(6);
	CHECK_ERR(inject(netdev, ETH_P_ARP, our_mac, &packet, sizeof(packet)), -EINVAL);
	packet = arp(1, "10.0.0.1", "10.0.0.2");
	packet.ptype = htons(0x86dd);
	CHECK_ERR(inject(netdev, ETH_P_ARP, our_mac, &packet, sizeof(packet)), -EINVAL);
	packet = arp(1, "10.0.0.1", "10.0.0.2");
	packet.hlen = 8;
	CHECK_ERR(inject(netdev, ETH_P_ARP, our_mac, &packet, sizeof(packet)), -EINVAL);
	packet = arp(1, "10.0.0.1", "10.0.0.2");
	packet.plen = 16;
	CHECK_ERR(inject(netdev, ETH_P_ARP, our_mac, &packet, sizeof(packet)), -EINVAL);
	packet = arp(3, "10.0.0.1", "10.0.0.2");
	CHECK_ERR(inject(netdev, ETH_P_ARP, our_mac, &packet, sizeof(packet)), -EINVAL);
	packet = arp(1, "10.0.0.1", "10.0.0.2");
	packet.sha[0] = 0x01;
	CHECK_ERR(inject(netdev, ETH_P_ARP, our_mac, &packet, sizeof(packet)), -EINVAL);
	CHECK_INT(captured_count, 0);
}

static void test_reply_to_requests(struct net_device *netdev)
{
	struct arp_packet packet = arp(1, "10.0.0.7", "10.0.0.2");
	const struct arp_packet *reply;
	/* Padding after the packet is fine. */
	uint8_t padded[sizeof(packet) + 18] = { 0 };

	captured_count = 0;
	memcpy(padded, &packet, sizeof(packet));
	CHECK_INT(inject(netdev, ETH_P_ARP, wb_eth_broadcast, padded, sizeof(padded)), 0);
	CHECK_INT(captured_count, 1);
	reply = captured_arp(0);
	CHECK(memcmp(captured[0].data, peer_mac, 6) == 0);
	CHECK(captured[0].data[12] == 0x08 && captured[0].data[13] == 0x06);
	CHECK_INT(ntohs(reply->op), 2);
	CHECK(memcmp(reply->sha, our_mac, 6) == 0);
	CHECK(reply->spa == ip("10.0.0.2").s_addr);
	CHECK(memcmp(reply->tha, peer_mac, 6) == 0);
	CHECK(reply->tpa == ip("10.0.0.7").s_addr);

	/* The asker was learned: a packet to it goes out at once. */
	captured_count = 0;
	CHECK_INT(send_data(netdev, "10.0.0.7"), 0);
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
		CHECK_INT(send_data(netdev, "192.168.5.5"), 0);
	CHECK_INT(captured_count, 1);
	CHECK(memcmp(captured[0].data, wb_eth_broadcast, 6) == 0);
	CHECK_INT(ntohs(captured_arp(0)->op), 1);
	CHECK(captured_arp(0)->tpa == ip("10.0.0.1").s_addr);
	CHECK(captured_arp(0)->spa == ip("10.0.0.2").s_addr);

	/* Retried on the timer, by the main loop. */
	fake_now_us += 300000;
	wb_step();
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
	CHECK_INT(send_data(netdev, "10.0.0.99"), 0);
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

/* A new address forgets the neighbours and what waited for them. */
static void test_unconfigure_flushes(struct net_device *netdev)
{
	struct in_addr none = { 0 };

	captured_count = 0;
	CHECK_INT(send_data(netdev, "10.0.0.50"), 0);
	CHECK_INT(captured_count, 1);	/* the request */
	CHECK_INT(wb_ipv4_configure(netdev, none, none, none), 0);
	configure(netdev);
	captured_count = 0;
	CHECK_INT(inject_arp_reply(netdev, "10.0.0.50", "10.0.0.2"), 0);
	CHECK_INT(captured_count, 0);
	/* ...nor are requests retried for it. */
	fake_now_us += 1000000;
	wb_run_timers();
	CHECK_INT(captured_count, 0);
}

/* Each device has its own cache; a closed device forgets its own. */
static void test_per_device(struct net_device *net0)
{
	static const uint8_t mac1[ETH_ALEN] = { 0x02, 0, 0, 0, 1, 0x01 };
	struct net_device *net1 = fake_netdev_mac(mac1);
	unsigned i;

	CHECK_INT(wb_ipv4_configure(net1, ip("10.1.0.2"), ip("255.255.0.0"), ip("0.0.0.0")), 0);
	/* 10.0.0.7 is known on net0 (it asked for us), not on net1. */
	captured_count = 0;
	CHECK_INT(send_data(net0, "10.0.0.7"), 0);
	CHECK_INT(captured_count, 1);
	CHECK(captured[0].netdev == net0);
	CHECK(memcmp(captured[0].data, peer_mac, 6) == 0);
	CHECK_INT(wb_ipv4_configure(net1, ip("10.0.0.3"), ip("255.255.255.0"), ip("0.0.0.0")), 0);
	CHECK_INT(send_data(net1, "10.0.0.7"), 0);
	CHECK_INT(captured_count, 2);
	CHECK(captured[1].netdev == net1);
	CHECK(memcmp(captured[1].data, wb_eth_broadcast, 6) == 0);
	CHECK(captured_arp(1)->spa == ip("10.0.0.3").s_addr);
	CHECK(memcmp(captured_arp(1)->sha, mac1, 6) == 0);

	/* The answer on net1 releases net1's packet and leaves net0 alone. */
	captured_count = 0;
	CHECK_INT(inject_arp_reply(net1, "10.0.0.7", "10.0.0.3"), 0);
	CHECK_INT(captured_count, 1);
	CHECK(captured[0].netdev == net1);
	CHECK(captured_ip(0)->src.s_addr == ip("10.0.0.3").s_addr);

	/* Closing net1 drops its neighbours: after reopening it asks again,
	 * while net0 still knows. */
	wb_netdev_close(net1);
	CHECK_INT(wb_netdev_open(net1), 0);
	captured_count = 0;
	CHECK_INT(send_data(net1, "10.0.0.7"), 0);
	CHECK_INT(send_data(net0, "10.0.0.7"), 0);
	CHECK_INT(captured_count, 2);
	CHECK(memcmp(captured[0].data, wb_eth_broadcast, 6) == 0);
	CHECK(memcmp(captured[1].data, peer_mac, 6) == 0);

	/* A device that goes with packets waiting and many entries frees
	 * them all (LeakSanitizer checks at exit) and stops their timers. */
	for (i = 0; i < 40; i++) {
		char dest[16];

		snprintf(dest, sizeof(dest), "10.0.0.%u", 100 + i);
		send_data(net1, dest);
	}
	fake_netdev_remove(net1);
	captured_count = 0;
	fake_now_us += 1000000;
	wb_run_timers();
	CHECK_INT(captured_count, 0);
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
	/* (Re-learn 10.0.0.7 after the flush.) */
	CHECK_INT(inject_arp_reply(netdev, "10.0.0.7", "10.0.0.2"), 0);
	test_per_device(netdev);
	fake_netdev_remove(netdev);
	return unit_finish();
}
