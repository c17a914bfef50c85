// FIRMWARE_SOURCES: src/net/ethernet.c src/net/arp.c src/net/ipv4.c src/net/ipv4_reassembly.c src/net/icmp.c src/net/udp.c src/net/inet.c src/core/netdev.c src/core/iobuf.c src/core/retry.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/* IPv4 and ICMP: header checks, routing, fragment reassembly with its
 * bounds and timeout, and echo replies. */

#include <errno.h>
#include "unit.h"
#include "net_harness.h"

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
	CHECK_INT(inject(netdev, ETH_P_IP, our_mac, packet, 19), -EINVAL);
	/* Version 6. */
	packet[0] = 0x65;
	CHECK_INT(inject(netdev, ETH_P_IP, our_mac, packet, 20 + len), -EINVAL);
	/* Header lengths below 20 and beyond the packet. */
	packet[0] = 0x44;
	CHECK_INT(inject(netdev, ETH_P_IP, our_mac, packet, 20 + len), -EINVAL);
	packet[0] = 0x4f;
	CHECK_INT(inject(netdev, ETH_P_IP, our_mac, packet, 40), -EINVAL);
	packet[0] = 0x45;
	/* Checksum. */
	packet[10] ^= 1;
	CHECK_INT(inject(netdev, ETH_P_IP, our_mac, packet, 20 + len), -EINVAL);
	packet[10] ^= 1;
	/* Total length beyond the buffer, and below the header. */
	ip_header(packet, IP_ICMP, "10.0.0.1", "10.0.0.2", len + 1, 1, 0);
	CHECK_INT(inject(netdev, ETH_P_IP, our_mac, packet, 20 + len), -EINVAL);
	ip_header(packet, IP_ICMP, "10.0.0.1", "10.0.0.2", 0, 1, 0);
	packet[2] = 0;
	packet[3] = 19;
	packet[10] = packet[11] = 0;
	*(uint16_t *)(packet + 10) = ~wb_tcpip_chksum(0, packet, 20);
	CHECK_INT(inject(netdev, ETH_P_IP, our_mac, packet, 20 + len), -EINVAL);
	/* Not for us; from a broadcast source. */
	ip_header(packet, IP_ICMP, "10.0.0.1", "10.0.0.3", len, 1, 0);
	CHECK_INT(inject(netdev, ETH_P_IP, our_mac, packet, 20 + len), -EHOSTUNREACH);
	ip_header(packet, IP_ICMP, "255.255.255.255", "10.0.0.2", len, 1, 0);
	CHECK_INT(inject(netdev, ETH_P_IP, our_mac, packet, 20 + len), -EHOSTUNREACH);
	/* An unknown transport protocol. */
	CHECK_INT(inject_ip(netdev, 200, "10.0.0.2", echo, len, 1, 0), -ENOTSUP);
	CHECK_INT(captured_count, 0);
}

static void test_icmp(struct net_device *netdev)
{
	uint8_t echo[64];
	size_t len = echo_request(echo, sizeof(echo));

	captured_count = 0;
	/* Short, bad checksum, not an echo request, sent to broadcast. */
	CHECK_INT(inject_ip(netdev, IP_ICMP, "10.0.0.2", echo, 7, 1, 0), -EINVAL);
	echo[9] ^= 0x40;
	CHECK_INT(inject_ip(netdev, IP_ICMP, "10.0.0.2", echo, len, 1, 0), -EINVAL);
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
	wb_run_timers();
	wb_run_timers();
	wb_run_timers();
	wb_run_timers();
	send_fragments(netdev, 30, echo, len, 128, reversed, 1);
	CHECK_INT(captured_count, 0);
	/* ... while a datagram completed in time is answered. */
	send_fragments(netdev, 31, echo, len, 128, in_order, 2);
	fake_now_us += 5000000;
	wb_run_timers();
	send_fragments(netdev, 31, echo, len, 128, reversed, 1);
	CHECK_INT(captured_count, 1);
}

static void test_transmit(struct net_device *netdev)
{
	struct io_buffer *iob;

	captured_count = 0;
	/* Limited broadcast goes out on the device, as link broadcast. */
	iob = wb_alloc_net_iob(8);
	iob_put(iob, 8);
	CHECK_INT(wb_ipv4_tx(iob, IP_UDP, ip("0.0.0.0"), ip("255.255.255.255"), netdev), 0);
	CHECK_INT(captured_count, 1);
	CHECK(memcmp(captured[0].data, wb_eth_broadcast, 6) == 0);
	CHECK(captured_ip(0)->src.s_addr == ip("10.0.0.2").s_addr);
	/* So does the subnet's broadcast address. */
	iob = wb_alloc_net_iob(8);
	iob_put(iob, 8);
	CHECK_INT(wb_ipv4_tx(iob, IP_UDP, ip("0.0.0.0"), ip("10.0.0.255"), NULL), 0);
	CHECK_INT(captured_count, 2);
	/* Too large for the link; no headroom; nowhere to go. */
	iob = wb_alloc_net_iob(1481);
	iob_put(iob, 1481);
	CHECK_INT(wb_ipv4_tx(iob, IP_UDP, ip("0.0.0.0"), ip("10.0.0.1"), netdev), -EMSGSIZE);
	iob = wb_alloc_iob(8);
	iob_put(iob, 8);
	CHECK_INT(wb_ipv4_tx(iob, IP_UDP, ip("0.0.0.0"), ip("10.0.0.1"), netdev), -ENOBUFS);
	iob = wb_alloc_net_iob(8);
	CHECK_INT(wb_ipv4_tx(iob, IP_UDP, ip("0.0.0.0"), ip("224.0.0.1"), netdev), -ENETUNREACH);
	CHECK_INT(captured_count, 2);
}

static void test_unconfigured(struct net_device *netdev)
{
	struct in_addr none = { 0 };
	struct io_buffer *iob;

	CHECK_INT(wb_ipv4_configure(netdev, ip("10.0.0.2"), ip("255.0.255.0"), none), -EINVAL);
	CHECK_INT(wb_ipv4_configure(netdev, none, none, none), 0);
	CHECK(wb_ipv4_address(netdev).s_addr == 0);
	iob = wb_alloc_net_iob(8);
	CHECK_INT(wb_ipv4_tx(iob, IP_UDP, none, ip("10.0.0.1"), netdev), -ENETUNREACH);
	iob = wb_alloc_net_iob(8);
	CHECK_INT(wb_ipv4_tx(iob, IP_UDP, none, ip("255.255.255.255"), NULL), -ENETUNREACH);
	/* Without an address any unicast datagram is taken (DHCP offers). */
	CHECK_INT(inject_ip(netdev, 200, "10.9.9.9", "x", 1, 1, 0), -ENOTSUP);
	configure(netdev);
	/* Once incomplete datagrams expire, only the configuration holds a
	 * reference besides ours. */
	fake_now_us += 20000000;
	for (int i = 0; i < 10; i++)
		wb_run_timers();
	CHECK_INT(netdev->refcnt.count, 2);
}

int main(void)
{
	struct net_device *netdev = fake_netdev();

	configure(netdev);
	/* Learn the peer's address, so that replies go out at once. */
	{
		struct {
			uint16_t htype, ptype;
			uint8_t hlen, plen;
			uint16_t op;
			uint8_t sha[6];
			uint32_t spa;
			uint8_t tha[6];
			uint32_t tpa;
		} __attribute__((packed)) reply = {
			htons(1), htons(0x0800), 6, 4, htons(2), { 0 },
			ip("10.0.0.1").s_addr, { 0 }, ip("10.0.0.2").s_addr
		};
		memcpy(reply.sha, peer_mac, 6);
		CHECK_INT(inject(netdev, ETH_P_ARP, our_mac, &reply, sizeof(reply)), 0);
	}
	test_header_checks(netdev);
	test_icmp(netdev);
	test_reassembly(netdev);
	test_transmit(netdev);
	test_unconfigured(netdev);
	return unit_finish();
}
