// FIRMWARE_SOURCES: src/net/ethernet.c src/net/arp.c src/net/ipv4.c src/net/ipv4_reassembly.c src/net/icmp.c src/net/udp.c src/net/inet.c src/core/netdev.c src/core/iobuf.c src/core/retry.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/* UDP: ports, checksums with the pseudo-header, and malformed datagrams. */

#include <errno.h>
#include "unit.h"
#include "net_harness.h"

struct udp_header {
	uint16_t src, dest, len, chksum;
} __attribute__((packed));

static unsigned received_count;
static char received[64];
static struct sockaddr_in received_from;

static void record_rx(struct udp_conn *conn, struct io_buffer *iob,
		      const struct sockaddr_in *src,
		      const struct sockaddr_in *dest, struct net_device *netdev)
{
	(void)conn;
	(void)dest;
	(void)netdev;
	received_count++;
	memset(received, 0, sizeof(received));
	memcpy(received, iob->data, iob_len(iob) < 63 ? iob_len(iob) : 63);
	received_from = *src;
	wb_free_iob(iob);
}

static const struct udp_operations record_operations = { .rx = record_rx };

/* The sum of the pseudo-header (src 10.0.0.1, dest) and the datagram. */
static uint16_t pseudo_sum(const char *src, const char *dest,
			   const void *datagram, size_t len)
{
	struct {
		uint32_t src, dest;
		uint8_t zero, protocol;
		uint16_t len;
	} __attribute__((packed)) pseudo = {
		ip(src).s_addr, ip(dest).s_addr, 0, IP_UDP, htons(len)
	};

	return wb_tcpip_chksum(wb_tcpip_chksum(0, &pseudo, sizeof(pseudo)),
			       datagram, len);
}

/* Builds a datagram from 10.0.0.1:1234 to port with text as payload. */
static size_t datagram(uint8_t *buf, uint16_t port, const char *text,
		       const char *dest, int checksum)
{
	struct udp_header *udp = (struct udp_header *)buf;
	size_t len = sizeof(*udp) + strlen(text);

	udp->src = htons(1234);
	udp->dest = htons(port);
	udp->len = htons(len);
	udp->chksum = 0;
	memcpy(buf + sizeof(*udp), text, strlen(text));
	if (checksum)
		udp->chksum = ~pseudo_sum("10.0.0.1", dest, buf, len);
	return len;
}

static void test_receive(struct net_device *netdev)
{
	struct udp_conn conn, other;
	struct sockaddr_in peer = { .sin_family = AF_INET };
	uint8_t buf[128];
	size_t len;

	CHECK_INT(wb_udp_open(&conn, &record_operations, 69, NULL, NULL), 0);
	CHECK_INT(wb_udp_open(&other, &record_operations, 69, NULL, NULL), -EADDRINUSE);

	len = datagram(buf, 69, "hello", "10.0.0.2", 1);
	CHECK_INT(inject_ip(netdev, IP_UDP, "10.0.0.2", buf, len, 1, 0), 0);
	CHECK_INT(received_count, 1);
	CHECK_STR(received, "hello");
	CHECK_INT(ntohs(received_from.sin_port), 1234);
	CHECK(received_from.sin_addr.s_addr == ip("10.0.0.1").s_addr);

	/* No checksum is accepted; a wrong one is not. */
	len = datagram(buf, 69, "nosum", "10.0.0.2", 0);
	CHECK_INT(inject_ip(netdev, IP_UDP, "10.0.0.2", buf, len, 1, 0), 0);
	CHECK_STR(received, "nosum");
	len = datagram(buf, 69, "badsum", "10.0.0.2", 1);
	buf[8] ^= 0x20;
	CHECK_INT(inject_ip(netdev, IP_UDP, "10.0.0.2", buf, len, 1, 0), -EINVAL);
	/* The checksum covers the addresses: the same datagram to the
	 * broadcast address fails. */
	len = datagram(buf, 69, "wrong dest", "10.0.0.2", 1);
	CHECK_INT(inject_ip(netdev, IP_UDP, "10.0.0.255", buf, len, 1, 0), -EINVAL);
	CHECK_INT(received_count, 2);

	/* Lengths: shorter than a header, beyond the packet, below 8; and
	 * bytes after the UDP length are ignored. */
	CHECK_INT(inject_ip(netdev, IP_UDP, "10.0.0.2", buf, 7, 1, 0), -EINVAL);
	len = datagram(buf, 69, "long", "10.0.0.2", 0);
	buf[5] = (uint8_t)(len + 1);
	CHECK_INT(inject_ip(netdev, IP_UDP, "10.0.0.2", buf, len, 1, 0), -EINVAL);
	buf[5] = 7;
	CHECK_INT(inject_ip(netdev, IP_UDP, "10.0.0.2", buf, len, 1, 0), -EINVAL);
	len = datagram(buf, 69, "trim", "10.0.0.2", 1);
	memcpy(buf + len, "XXXX", 4);
	CHECK_INT(inject_ip(netdev, IP_UDP, "10.0.0.2", buf, len + 4, 1, 0), 0);
	CHECK_STR(received, "trim");
	CHECK_INT(received_count, 3);

	/* No connection on the port. */
	len = datagram(buf, 70, "nobody", "10.0.0.2", 1);
	CHECK_INT(inject_ip(netdev, IP_UDP, "10.0.0.2", buf, len, 1, 0), -ENOTCONN);

	/* A connection with a peer takes only that peer's datagrams. */
	peer.sin_addr = ip("10.0.0.9");
	wb_udp_close(&conn);
	CHECK_INT(wb_udp_open(&conn, &record_operations, 69, &peer, netdev), 0);
	len = datagram(buf, 69, "stranger", "10.0.0.2", 1);
	CHECK_INT(inject_ip(netdev, IP_UDP, "10.0.0.2", buf, len, 1, 0), -ENOTCONN);
	CHECK_INT(received_count, 3);
	wb_udp_close(&conn);
}

static void test_transmit(void)
{
	struct udp_conn a, b;
	struct sockaddr_in dest = { .sin_family = AF_INET };
	const struct udp_header *udp;
	struct io_buffer *iob;

	CHECK_INT(wb_udp_open(&a, &record_operations, 0, NULL, NULL), 0);
	CHECK_INT(wb_udp_open(&b, &record_operations, 0, NULL, NULL), 0);
	CHECK(a.local_port != b.local_port);
	CHECK(ntohs(a.local_port) >= 49152);

	captured_count = 0;
	iob = wb_udp_alloc_iob(5);
	memcpy(iob_put(iob, 5), "reply", 5);
	/* Neither peer nor destination. */
	CHECK_INT(wb_udp_tx(&a, iob, NULL), -ENOTCONN);
	dest.sin_addr = ip("10.0.0.1");
	dest.sin_port = htons(4321);
	iob = wb_udp_alloc_iob(5);
	memcpy(iob_put(iob, 5), "reply", 5);
	CHECK_INT(wb_udp_tx(&a, iob, &dest), 0);
	CHECK_INT(captured_count, 1);
	udp = (const struct udp_header *)(captured_ip(0) + 1);
	CHECK(udp->src == a.local_port);
	CHECK_INT(ntohs(udp->dest), 4321);
	CHECK_INT(ntohs(udp->len), 13);
	CHECK(udp->chksum != 0);
	CHECK_INT(pseudo_sum("10.0.0.2", "10.0.0.1", udp, 13), 0xffff);
	CHECK(memcmp(udp + 1, "reply", 5) == 0);
	wb_udp_close(&a);
	wb_udp_close(&b);
}

int main(void)
{
	struct net_device *netdev = fake_netdev();
	struct io_buffer *iob;

	configure(netdev);
	/* Resolve 10.0.0.1 first (the reply releases the queued packet). */
	iob = wb_alloc_net_iob(1);
	iob_put(iob, 1);
	wb_ipv4_tx(iob, 253, ip("0.0.0.0"), ip("10.0.0.1"), netdev);
	{
		uint8_t reply[28] = { 0, 1, 8, 0, 6, 4, 0, 2 };
		struct in_addr spa = ip("10.0.0.1"), tpa = ip("10.0.0.2");

		memcpy(reply + 8, peer_mac, 6);
		memcpy(reply + 14, &spa, 4);
		memcpy(reply + 24, &tpa, 4);
		CHECK_INT(inject(netdev, ETH_P_ARP, our_mac, reply, sizeof(reply)), 0);
	}
	test_receive(netdev);
	test_transmit();
	return unit_finish();
}
