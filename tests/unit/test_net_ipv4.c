/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/ethernet.c src/net/arp.c src/net/neighbour.c src/net/ipv4.c src/net/reassembly.c src/net/icmp.c src/net/pinger.c src/net/ping_packet.c src/net/udp.c src/core/random_id.c src/net/inet.c src/net/tcpip.c src/net/netproto.c src/net/socket.c
// FIRMWARE_SOURCES: src/core/netdev.c src/core/iobuf.c src/core/retry.c src/core/process.c src/core/interface.c src/core/xfer.c src/core/settings.c src/core/setting_types.c src/core/inet6.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/* IPv4 and ICMP: header checks, routing, fragment reassembly with its
 * bounds and timeout, echo replies, and the configuration each device
 * takes from its settings. */

#include <errno.h>
#include "unit.h"
#include "net_harness.h"

void wb_register_settings(struct settings *block, struct settings *parent);
void wb_unregister_settings(struct settings *block);
void wb_settings_init(struct settings *block, const char *name);
int wb_store_setting(struct settings *block, const char *name,
		     enum setting_type type, const void *data, size_t len);

/* An echo request of len bytes (8 of header, then a pattern). */
static size_t echo_request(uint8_t *buf, size_t len)
{
	size_t i;

	memset(buf, 0, 8);
	buf[0] = 8;
	buf[4] = 0x12;
	for (i = 8; i < len; i++)
		buf[i] = (uint8_t)i;
	*(uint16_t *)(buf + 2) = ~wb_tcpip_chksum(0, buf, len);
	return len;
}

/* Checks that frame i is the echo reply to a request of len bytes. */
static void check_echo_reply(unsigned i, size_t len)
{
	const struct iphdr *iphdr = captured_ip(i);
	const uint8_t *icmp = (const uint8_t *)(iphdr + 1);

	CHECK(memcmp(captured[i].data, peer_mac, 6) == 0);
	CHECK_INT(ntohs(iphdr->len), 20 + len);
	CHECK_INT(iphdr->ttl, 64);
	CHECK_INT(iphdr->protocol, IP_ICMP);
	CHECK_INT(wb_tcpip_chksum(0, iphdr, 20), 0xffff);
	CHECK(iphdr->src.s_addr == ip("10.0.0.2").s_addr);
	CHECK(iphdr->dest.s_addr == ip("10.0.0.1").s_addr);
	CHECK_INT(icmp[0], 0);
	CHECK_INT(wb_tcpip_chksum(0, icmp, len), 0xffff);
	CHECK_INT(icmp[len - 1], (uint8_t)(len - 1));
}

static void test_header_checks(struct net_device *netdev)
{
	uint8_t packet[128], echo[40];
	size_t len = echo_request(echo, sizeof(echo));

	ip_header(packet, IP_ICMP, "10.0.0.1", "10.0.0.2", len, 1, 0);
	memcpy(packet + 20, echo, len);
	captured_count = 0;

	/* The good packet, then with Ethernet padding: both answered. */
	CHECK_INT(inject(netdev, ETH_P_IP, our_mac, packet, 20 + len), 0);
	memset(packet + 20 + len, 0xee, 20);
	CHECK_INT(inject(netdev, ETH_P_IP, our_mac, packet, 40 + len), 0);
	CHECK_INT(captured_count, 2);
	check_echo_reply(0, len);
	check_echo_reply(1, len);

	captured_count = 0;
	/* Truncated below a header. */
	CHECK_ERR(inject(netdev, ETH_P_IP, our_mac, packet, 19), -EINVAL);
	/* Version 6. */
	packet[0] = 0x65;
	CHECK_ERR(inject(netdev, ETH_P_IP, our_mac, packet, 20 + len), -EINVAL);
	/* Header lengths below 20 and beyond the packet. */
	packet[0] = 0x44;
	CHECK_ERR(inject(netdev, ETH_P_IP, our_mac, packet, 20 + len), -EINVAL);
	packet[0] = 0x4f;
	CHECK_ERR(inject(netdev, ETH_P_IP, our_mac, packet, 40), -EINVAL);
	packet[0] = 0x45;
	/* Checksum. */
	packet[10] ^= 1;
	CHECK_ERR(inject(netdev, ETH_P_IP, our_mac, packet, 20 + len), -EINVAL);
	packet[10] ^= 1;
	/* Total length beyond the buffer, and below the header. */
	ip_header(packet, IP_ICMP, "10.0.0.1", "10.0.0.2", len + 1, 1, 0);
	CHECK_ERR(inject(netdev, ETH_P_IP, our_mac, packet, 20 + len), -EINVAL);
	ip_header(packet, IP_ICMP, "10.0.0.1", "10.0.0.2", 0, 1, 0);
	packet[2] = 0;
	packet[3] = 19;
	packet[10] = packet[11] = 0;
	*(uint16_t *)(packet + 10) = ~wb_tcpip_chksum(0, packet, 20);
	CHECK_ERR(inject(netdev, ETH_P_IP, our_mac, packet, 20 + len), -EINVAL);
	/* Not for us; from a broadcast source. */
	ip_header(packet, IP_ICMP, "10.0.0.1", "10.0.0.3", len, 1, 0);
	CHECK_ERR(inject(netdev, ETH_P_IP, our_mac, packet, 20 + len), -EHOSTUNREACH);
	ip_header(packet, IP_ICMP, "255.255.255.255", "10.0.0.2", len, 1, 0);
	CHECK_ERR(inject(netdev, ETH_P_IP, our_mac, packet, 20 + len), -EHOSTUNREACH);
	/* An unknown transport protocol: dropped by the tcpip layer. */
	CHECK_ERR(inject_ip(netdev, 200, "10.0.0.2", echo, len, 1, 0), -EPROTONOSUPPORT);
	CHECK_INT(captured_count, 0);
}

static void test_icmp(struct net_device *netdev)
{
	uint8_t echo[64];
	size_t len = echo_request(echo, sizeof(echo));

	captured_count = 0;
	/* Short, bad checksum, not an echo request, sent to broadcast. */
	CHECK_ERR(inject_ip(netdev, IP_ICMP, "10.0.0.2", echo, 7, 1, 0), -EINVAL);
	echo[9] ^= 0x40;
	CHECK_ERR(inject_ip(netdev, IP_ICMP, "10.0.0.2", echo, len, 1, 0), -EINVAL);
	echo[9] ^= 0x40;
	echo[0] = 13;
	echo[2] -= 5;
	CHECK_INT(inject_ip(netdev, IP_ICMP, "10.0.0.2", echo, len, 1, 0), 0);
	echo[0] = 8;
	echo[2] += 5;
	CHECK_INT(inject_ip(netdev, IP_ICMP, "10.0.0.255", echo, len, 1, 0), 0);
	CHECK_INT(inject_ip(netdev, IP_ICMP, "255.255.255.255", echo, len, 1, 0), 0);
	CHECK_INT(captured_count, 0);
	/* An odd length. */
	len = echo_request(echo, 33);
	CHECK_INT(inject_ip(netdev, IP_ICMP, "10.0.0.2", echo, len, 1, 0), 0);
	CHECK_INT(captured_count, 1);
	check_echo_reply(0, len);
}

/* Sends the echo request of len bytes as fragments of piece bytes, in the
 * order given by order[] (indexes of pieces). */
static void send_fragments(struct net_device *netdev, uint16_t ident,
			   const uint8_t *echo, size_t len, size_t piece,
			   const unsigned *order, unsigned count)
{
	unsigned i;

	for (i = 0; i < count; i++) {
		size_t offset = order[i] * piece;
		size_t this_len = len - offset < piece ? len - offset : piece;
		uint16_t frags = (uint16_t)(offset / 8) |
				 (offset + this_len < len ? 0x2000 : 0);

		CHECK_INT(inject_ip(netdev, IP_ICMP, "10.0.0.2", echo + offset,
				    this_len, ident, frags), 0);
	}
}

static void test_reassembly(struct net_device *netdev)
{
	static const unsigned in_order[] = { 0, 1, 2 };
	static const unsigned reversed[] = { 2, 1, 0 };
	static const unsigned with_duplicate[] = { 0, 0, 2, 1 };
	static const unsigned all_but_first[] = { 1, 2 };
	uint8_t echo[300], piece[64];
	size_t len = echo_request(echo, 300);

	captured_count = 0;
	send_fragments(netdev, 10, echo, len, 128, in_order, 3);
	CHECK_INT(captured_count, 1);
	check_echo_reply(0, len);
	send_fragments(netdev, 11, echo, len, 128, reversed, 3);
	send_fragments(netdev, 12, echo, len, 128, with_duplicate, 4);
	CHECK_INT(captured_count, 3);
	check_echo_reply(2, len);

	/* Overlapping pieces abandon the datagram. */
	captured_count = 0;
	CHECK_INT(inject_ip(netdev, IP_ICMP, "10.0.0.2", echo, 128, 13, 0x2000), 0);
	CHECK_INT(inject_ip(netdev, IP_ICMP, "10.0.0.2", echo + 64, 128, 13, 0x2000 | 8), 0);
	send_fragments(netdev, 13, echo, len, 128, all_but_first, 2);
	CHECK_INT(captured_count, 0);

	/* A piece (not the last) whose length is no multiple of 8. */
	CHECK_INT(inject_ip(netdev, IP_ICMP, "10.0.0.2", echo, 100, 14, 0x2000), 0);
	send_fragments(netdev, 14, echo, len, 128, all_but_first, 2);
	CHECK_INT(captured_count, 0);

	/* Beyond 65535 bytes in all. */
	memset(piece, 0, sizeof(piece));
	CHECK_INT(inject_ip(netdev, IP_ICMP, "10.0.0.2", piece, 64, 15, 0x1fff), 0);
	CHECK_INT(inject_ip(netdev, IP_ICMP, "10.0.0.2", piece, 64, 15, 0x2000 | 0x1ff8), 0);

	/* A last piece that ends before pieces already there; then a second,
	 * different last piece. */
	CHECK_INT(inject_ip(netdev, IP_ICMP, "10.0.0.2", piece, 64, 16, 0x2000 | 16), 0);
	CHECK_INT(inject_ip(netdev, IP_ICMP, "10.0.0.2", piece, 8, 16, 1), 0);
	CHECK_INT(inject_ip(netdev, IP_ICMP, "10.0.0.2", piece, 8, 17, 4), 0);
	CHECK_INT(inject_ip(netdev, IP_ICMP, "10.0.0.2", piece, 16, 17, 4), 0);
	send_fragments(netdev, 16, echo, len, 128, in_order, 3);
	CHECK_INT(captured_count, 1);
	captured_count = 0;

	/* An empty piece. */
	CHECK_INT(inject_ip(netdev, IP_ICMP, "10.0.0.2", piece, 0, 18, 0x2000), 0);

	/* Too many datagrams at once: the oldest goes. */
	send_fragments(netdev, 20, echo, len, 128, reversed, 1);
	send_fragments(netdev, 21, echo, len, 128, reversed, 1);
	send_fragments(netdev, 22, echo, len, 128, reversed, 1);
	send_fragments(netdev, 23, echo, len, 128, reversed, 1);
	send_fragments(netdev, 24, echo, len, 128, reversed, 1);
	send_fragments(netdev, 20, echo, len, 128, in_order, 2);
	CHECK_INT(captured_count, 0);
	send_fragments(netdev, 24, echo, len, 128, in_order, 2);
	CHECK_INT(captured_count, 1);

	/* Pieces of one datagram past the timeout do not join. */
	captured_count = 0;
	send_fragments(netdev, 30, echo, len, 128, in_order, 2);
	fake_now_us += 16000000;
	wb_step();
	send_fragments(netdev, 30, echo, len, 128, reversed, 1);
	CHECK_INT(captured_count, 0);
	/* ... while a datagram completed in time is answered. */
	send_fragments(netdev, 31, echo, len, 128, in_order, 2);
	fake_now_us += 5000000;
	wb_step();
	send_fragments(netdev, 31, echo, len, 128, reversed, 1);
	CHECK_INT(captured_count, 1);
}

/* Sends iob as protocol 253 to dest. */
static int tx(struct io_buffer *iob, const char *dest, struct net_device *netdev)
{
	struct sockaddr_in st_dest = sock_in(dest, 0);

	return wb_tcpip_tx(iob, &raw_protocol, NULL,
			   (struct sockaddr_tcpip *)&st_dest, netdev, NULL);
}

static struct io_buffer *payload(size_t len)
{
	struct io_buffer *iob = wb_alloc_net_iob(len);

	memset(iob_put(iob, len), 0x5a, len);
	return iob;
}

static void test_transmit(struct net_device *netdev)
{
	struct sockaddr_in src = sock_in("10.0.0.77", 0);
	struct sockaddr_in dest = sock_in("10.0.0.1", 0);
	struct io_buffer *iob;

	captured_count = 0;
	/* Limited broadcast goes out on the device, as link broadcast. */
	CHECK_INT(tx(payload(8), "255.255.255.255", netdev), 0);
	CHECK_INT(captured_count, 1);
	CHECK(memcmp(captured[0].data, wb_eth_broadcast, 6) == 0);
	CHECK(captured_ip(0)->src.s_addr == ip("10.0.0.2").s_addr);
	CHECK_INT(captured_ip(0)->protocol, 253);
	CHECK_INT(ntohs(captured_ip(0)->len), 28);
	CHECK_INT(wb_tcpip_chksum(0, captured_ip(0), 20), 0xffff);
	/* So does the subnet's broadcast address. */
	CHECK_INT(tx(payload(8), "10.0.0.255", NULL), 0);
	CHECK_INT(captured_count, 2);
	CHECK(memcmp(captured[1].data, wb_eth_broadcast, 6) == 0);
	/* A source address the transport names is kept. */
	CHECK_INT(wb_tcpip_tx(payload(8), &raw_protocol, (struct sockaddr_tcpip *)&src,
			      (struct sockaddr_tcpip *)&dest, NULL, NULL), 0);
	CHECK_INT(captured_count, 3);
	CHECK(captured_ip(2)->src.s_addr == src.sin_addr.s_addr);
	CHECK(memcmp(captured[2].data, peer_mac, 6) == 0);
	/* Too large for the link; no headroom; nowhere to go. */
	CHECK_ERR(tx(payload(1481), "10.0.0.1", netdev), -EMSGSIZE);
	iob = wb_alloc_iob(8);
	iob_put(iob, 8);
	CHECK_ERR(tx(iob, "10.0.0.1", netdev), -ENOBUFS);
	CHECK_ERR(tx(payload(8), "224.0.0.1", netdev), -ENETUNREACH);
	CHECK_ERR(tx(payload(8), "0.0.0.0", netdev), -ENETUNREACH);
	/* A family nobody carries. */
	dest.sin_family = 99;
	CHECK_ERR(wb_tcpip_tx(payload(8), &raw_protocol, NULL,
			      (struct sockaddr_tcpip *)&dest, NULL, NULL), -EAFNOSUPPORT);
	CHECK_INT(captured_count, 3);
}

/* On-link destinations first, then the first device with a gateway; a
 * scope names the device. */
static void test_routing(struct net_device *net0)
{
	static const uint8_t mac1[ETH_ALEN] = { 0x02, 0, 0, 0, 1, 0x01 };
	struct net_device *net1 = fake_netdev_mac(mac1);
	struct sockaddr_in dest;

	CHECK_INT(wb_ipv4_configure(net1, ip("10.1.0.2"), ip("255.255.0.0"), ip("0.0.0.0")), 0);
	dest = sock_in("10.1.5.5", 0);
	CHECK(wb_tcpip_route((struct sockaddr_tcpip *)&dest) == net1);
	dest = sock_in("10.0.0.9", 0);
	CHECK(wb_tcpip_route((struct sockaddr_tcpip *)&dest) == net0);
	dest = sock_in("192.0.2.1", 0);
	CHECK(wb_tcpip_route((struct sockaddr_tcpip *)&dest) == net0);
	/* net1 has no gateway: through it, only its own subnet. */
	dest.sin_scope_id = (uint16_t)(net1->index + 1);
	CHECK(wb_tcpip_route((struct sockaddr_tcpip *)&dest) == NULL);
	dest = sock_in("10.1.7.7", 0);
	dest.sin_scope_id = (uint16_t)(net1->index + 1);
	CHECK(wb_tcpip_route((struct sockaddr_tcpip *)&dest) == net1);
	/* A scope naming a device that is gone routes nowhere. */
	fake_netdev_remove(net1);
	CHECK(wb_tcpip_route((struct sockaddr_tcpip *)&dest) == NULL);
	/* ...and sends nothing, not even out of another device. */
	captured_count = 0;
	CHECK_ERR(wb_tcpip_tx(payload(8), &raw_protocol, NULL,
			      (struct sockaddr_tcpip *)&dest, NULL, NULL), -ENETUNREACH);
	dest = sock_in("255.255.255.255", 0);
	dest.sin_scope_id = 2;
	CHECK_ERR(wb_tcpip_tx(payload(8), &raw_protocol, NULL,
			      (struct sockaddr_tcpip *)&dest, NULL, NULL), -ENETUNREACH);
	CHECK_INT(captured_count, 0);
}

static void check_config(struct net_device *netdev, const char *address,
			 const char *netmask, const char *gateway)
{
	struct in_addr a, n, g;

	wb_ipv4_config(netdev, &a, &n, &g);
	CHECK(a.s_addr == ip(address).s_addr);
	CHECK(n.s_addr == ip(netmask).s_addr);
	CHECK(g.s_addr == ip(gateway).s_addr);
}

/* Settings take effect: "set net0/ip ..." configures, removing the value
 * deconfigures, a block below the device (what DHCP registers) counts,
 * and each device reads only its own. */
static void test_settings_applicator(struct net_device *net0)
{
	static const uint8_t mac1[ETH_ALEN] = { 0x02, 0, 0, 0, 1, 0x01 };
	struct net_device *net1 = fake_netdev_mac(mac1);
	struct settings lease;
	struct in_addr address = ip("192.168.7.20"), mask = ip("255.255.255.128");
	char text[32], name[32];

	CHECK_INT(wb_ipv4_configure(net0, ip("0.0.0.0"), ip("0.0.0.0"), ip("0.0.0.0")), 0);
	check_config(net0, "0.0.0.0", "0.0.0.0", "0.0.0.0");

	/* An address alone takes its classful mask. */
	CHECK_INT(wb_storef_setting("net0/ip", "10.0.5.9"), 0);
	check_config(net0, "10.0.5.9", "255.0.0.0", "0.0.0.0");
	check_config(net1, "0.0.0.0", "0.0.0.0", "0.0.0.0");
	/* Stored as an address (the name's known type), not as text. */
	CHECK_INT(wb_fetchf_setting("net0/ip", text, sizeof(text)), 8);
	CHECK_STR(text, "10.0.5.9");
	CHECK_INT(wb_storef_setting("net0/netmask", "255.255.255.0"), 0);
	CHECK_INT(wb_storef_setting("net0/gateway", "10.0.5.1"), 0);
	check_config(net0, "10.0.5.9", "255.255.255.0", "10.0.5.1");
	/* It routes: a datagram leaves with the new source address. */
	captured_count = 0;
	CHECK_INT(send_ip(net0, "10.0.5.255", "x", 1), 0);
	CHECK_INT(captured_count, 1);
	CHECK(captured_ip(0)->src.s_addr == ip("10.0.5.9").s_addr);

	/* A bad mask is refused; the device keeps what it had. */
	CHECK_ERR(wb_storef_setting("net0/netmask", "255.0.255.0"), -EINVAL);
	check_config(net0, "10.0.5.9", "255.255.255.0", "10.0.5.1");
	CHECK_INT(wb_storef_setting("net0/netmask", "255.255.0.0"), 0);
	check_config(net0, "10.0.5.9", "255.255.0.0", "10.0.5.1");

	/* Another device's settings configure that device only. */
	snprintf(name, sizeof(name), "%s/ip", net1->name);
	CHECK_INT(wb_storef_setting(name, "10.9.0.1"), 0);
	check_config(net1, "10.9.0.1", "255.0.0.0", "0.0.0.0");
	check_config(net0, "10.0.5.9", "255.255.0.0", "10.0.5.1");

	/* Removing the address deconfigures: nothing routes any more. */
	CHECK_INT(wb_storef_setting("net0/ip", ""), 0);
	check_config(net0, "0.0.0.0", "0.0.0.0", "0.0.0.0");
	CHECK_ERR(send_ip(net0, "10.0.5.1", "x", 1), -ENETUNREACH);

	/* A lease block registered below the device applies when it
	 * arrives and stops applying when it goes. */
	CHECK_INT(wb_storef_setting("net0/netmask", ""), 0);
	CHECK_INT(wb_storef_setting("net0/gateway", ""), 0);
	wb_settings_init(&lease, "dhcp");
	CHECK_INT(wb_store_setting(&lease, "ip", SETTING_IPV4, &address, 4), 0);
	CHECK_INT(wb_store_setting(&lease, "netmask", SETTING_IPV4, &mask, 4), 0);
	check_config(net0, "0.0.0.0", "0.0.0.0", "0.0.0.0");
	wb_register_settings(&lease, &net0->settings);
	check_config(net0, "192.168.7.20", "255.255.255.128", "0.0.0.0");
	wb_unregister_settings(&lease);
	check_config(net0, "0.0.0.0", "0.0.0.0", "0.0.0.0");

	/* A device that goes takes its settings with it. */
	fake_netdev_remove(net1);
	CHECK_ERR(wb_fetchf_setting(name, text, sizeof(text)), -ENOENT);
	configure(net0);
}

static void test_unconfigured(struct net_device *netdev)
{
	struct in_addr none = { 0 };

	CHECK_ERR(wb_ipv4_configure(netdev, ip("10.0.0.2"), ip("255.0.255.0"), none), -EINVAL);
	check_config(netdev, "10.0.0.2", "255.255.255.0", "10.0.0.1");
	CHECK_INT(wb_ipv4_configure(netdev, none, none, none), 0);
	CHECK(wb_ipv4_address(netdev).s_addr == 0);
	CHECK_ERR(tx(payload(8), "10.0.0.1", netdev), -ENETUNREACH);
	CHECK_ERR(tx(payload(8), "255.255.255.255", NULL), -ENETUNREACH);
	/* Limited broadcast still leaves a device named (DHCP, before any
	 * address), from 0.0.0.0. */
	captured_count = 0;
	CHECK_INT(tx(payload(8), "255.255.255.255", netdev), 0);
	CHECK_INT(captured_count, 1);
	CHECK(captured_ip(0)->src.s_addr == 0);
	/* Without an address any unicast datagram is taken (DHCP offers). */
	CHECK_ERR(inject_ip(netdev, 200, "10.9.9.9", "x", 1, 1, 0), -EPROTONOSUPPORT);
	configure(netdev);
	/* Once incomplete datagrams expire, only the device list holds a
	 * reference besides ours. */
	fake_now_us += 20000000;
	wb_step();
	CHECK_INT(netdev->refcnt.count, 2);
}

int main(void)
{
	struct net_device *netdev = fake_netdev();

	configure(netdev);
	/* Learn the peer's address, so that replies go out at once. */
	CHECK_INT(inject_arp_reply(netdev, "10.0.0.1", "10.0.0.2"), 0);
	test_header_checks(netdev);
	test_icmp(netdev);
	test_reassembly(netdev);
	test_transmit(netdev);
	test_routing(netdev);
	test_settings_applicator(netdev);
	CHECK_INT(inject_arp_reply(netdev, "10.0.0.1", "10.0.0.2"), 0);
	test_unconfigured(netdev);
	fake_netdev_remove(netdev);
	return unit_finish();
}
