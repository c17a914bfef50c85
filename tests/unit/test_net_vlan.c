/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/ethernet.c src/net/arp.c src/net/neighbour.c src/net/ipv4.c src/net/reassembly.c src/net/icmp.c src/net/pinger.c src/net/ping_packet.c src/net/udp.c src/core/random_id.c src/net/inet.c src/net/tcpip.c src/net/netproto.c src/net/socket.c
// FIRMWARE_SOURCES: src/net/vlan.c src/net/vlan_packet.c src/core/netdev.c src/core/iobuf.c src/core/retry.c src/core/process.c src/core/interface.c src/core/xfer.c src/core/settings.c src/core/setting_types.c src/core/inet6.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/*
 * VLAN devices on a fake trunk: the name, the tag (and priority) inserted
 * into every frame sent, tagged frames received by the VLAN untagged (ARP
 * resolves through it, so IPv4 works on it), frames of other VLANs and bad
 * tags dropped and counted with their reason, the link following the
 * trunk's, refusals (tag range, priority, twice, a VLAN of a VLAN), and
 * VLANs leaving with their trunk.
 */

#include <errno.h>
#include <stdio.h>
#include "unit.h"
#include "net_harness.h"

#define vlan_create wb_vlan_create
#define vlan_destroy wb_vlan_destroy
#define vlan_tag wb_vlan_tag
#include <net/vlan.h>

void wb_netdev_link_down(struct net_device *netdev);

/* A frame from peer_mac to the trunk, tagged with tci. */
static int inject_tagged(struct net_device *trunk, uint16_t tci,
			 uint16_t ethertype, const void *payload, size_t len)
{
	uint8_t frame[256];

	frame[0] = (uint8_t)(tci >> 8);
	frame[1] = (uint8_t)tci;
	frame[2] = (uint8_t)(ethertype >> 8);
	frame[3] = (uint8_t)ethertype;
	memcpy(frame + 4, payload, len);
	return inject(trunk, 0x8100, our_mac, frame, 4 + len);
}

/* Frame i was sent by the trunk, tagged tci, carrying ethertype. */
static void check_tagged(unsigned i, struct net_device *trunk, uint16_t tci,
			 uint16_t ethertype)
{
	const uint8_t *f = captured[i].data;

	CHECK(captured[i].netdev == trunk);
	CHECK(memcmp(f + 6, our_mac, ETH_ALEN) == 0);
	CHECK_INT(f[12] << 8 | f[13], 0x8100);
	CHECK_INT(f[14] << 8 | f[15], tci);
	CHECK_INT(f[16] << 8 | f[17], ethertype);
}

static void test_traffic(struct net_device *trunk)
{
	struct net_device *vlan = NULL;
	uint8_t payload[4] = { 1, 2, 3, 4 };
	uint8_t arp[28] = { 0, 1, 8, 0, 6, 4, 0, 2 };
	struct in_addr sender = ip("10.0.0.1"), target = ip("10.0.0.2");

	CHECK_INT(vlan_create(trunk, 42, 5, &vlan), 0);
	if (!vlan)
		return;
	CHECK_STR(vlan->name, "net0-42");
	CHECK(memcmp(vlan->ll_addr, trunk->ll_addr, ETH_ALEN) == 0);
	CHECK_INT(vlan_tag(vlan), 42);
	CHECK_INT(vlan_tag(trunk), 0);
	CHECK(wb_find_netdev("net0-42") == vlan);
	CHECK_INT(wb_netdev_open(vlan), 0);
	CHECK_INT(vlan->link_rc, 0);
	configure(vlan);

	/* Sent: an ARP request, tagged with VLAN 42 and priority 5. */
	captured_count = 0;
	CHECK_INT(send_ip(vlan, "10.0.0.1", payload, sizeof(payload)), 0);
	CHECK_INT(captured_count, 1);
	check_tagged(0, trunk, 5 << 13 | 42, 0x0806);
	CHECK_INT(vlan->stats.tx_ok, 1);
	/* The answer, tagged, resolves the neighbour on the VLAN. */
	memcpy(arp + 8, peer_mac, 6);
	memcpy(arp + 14, &sender, 4);
	memcpy(arp + 18, our_mac, 6);
	memcpy(arp + 24, &target, 4);
	CHECK_INT(inject_tagged(trunk, 42, 0x0806, arp, sizeof(arp)), 0);
	CHECK_INT(vlan->rx_queued, 1);
	wb_net_poll();
	CHECK_INT(vlan->stats.rx_ok, 1);
	CHECK_INT(captured_count, 2);
	check_tagged(1, trunk, 5 << 13 | 42, 0x0800);
	CHECK(memcmp(captured[1].data, peer_mac, ETH_ALEN) == 0);

	/* Another VLAN's frame, and tags that name none. */
	CHECK_ERR(inject_tagged(trunk, 43, 0x0806, arp, sizeof(arp)), -ENOENT);
	CHECK_INT(trunk->stats.rx_dropped, 1);
	CHECK_ERR(inject_tagged(trunk, 0x2000, 0x0806, arp, sizeof(arp)), -EINVAL);
	CHECK_ERR(inject_tagged(trunk, 0x0fff, 0x0806, arp, sizeof(arp)), -EINVAL);
	CHECK_ERR(inject(trunk, 0x8100, our_mac, arp, 3), -EINVAL);
	CHECK_INT(trunk->stats.rx_errors, 3);
	CHECK_ERR(trunk->stats.rx_reasons[0].rc, -EINVAL);
	CHECK_INT(trunk->stats.rx_reasons[0].count, 3);
	CHECK_INT(trunk->stats.rx_reasons[1].rc, 0);

	/* The link follows the trunk's. */
	wb_netdev_link_down(trunk);
	CHECK(vlan->link_rc != 0);
	wb_netdev_link_up(trunk);
	CHECK_INT(vlan->link_rc, 0);

	/* Refusals. */
	CHECK_ERR(vlan_create(trunk, 42, 0, NULL), -EEXIST);
	CHECK_ERR(vlan_create(trunk, 0, 0, NULL), -EINVAL);
	CHECK_ERR(vlan_create(trunk, 4095, 0, NULL), -EINVAL);
	CHECK_ERR(vlan_create(trunk, 7, 8, NULL), -EINVAL);
	CHECK_ERR(vlan_create(vlan, 7, 0, NULL), -ENOTSUP);
	CHECK_ERR(vlan_destroy(trunk), -ENODEV);
	CHECK_INT(vlan_destroy(vlan), 0);
	CHECK(wb_find_netdev("net0-42") == NULL);
	CHECK_ERR(inject_tagged(trunk, 42, 0x0806, arp, sizeof(arp)), -ENOENT);
}

/* A trunk that goes away takes its VLANs with it. */
static void test_trunk_removal(void)
{
	struct net_device *trunk = fake_netdev();
	struct net_device *vlan = NULL;
	char seven[16], eight[16];

	snprintf(seven, sizeof(seven), "%s-7", trunk->name);
	snprintf(eight, sizeof(eight), "%s-8", trunk->name);
	CHECK_INT(vlan_create(trunk, 7, 0, &vlan), 0);
	CHECK_INT(vlan_create(trunk, 8, 0, NULL), 0);
	CHECK(vlan && wb_find_netdev(seven) == vlan);
	CHECK(wb_find_netdev(eight) != NULL);
	fake_netdev_remove(trunk);
	CHECK(wb_find_netdev(seven) == NULL);
	CHECK(wb_find_netdev(eight) == NULL);
}

int main(void)
{
	struct net_device *trunk = fake_netdev();

	test_traffic(trunk);
	test_trunk_removal();
	fake_netdev_remove(trunk);
	return unit_finish();
}
