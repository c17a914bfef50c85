/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/ethernet.c src/net/arp.c src/net/neighbour.c src/net/ipv4.c src/net/reassembly.c src/net/icmp.c src/net/pinger.c src/net/ping_packet.c src/net/udp.c src/core/random_id.c src/net/inet.c src/net/tcpip.c src/net/netproto.c src/net/socket.c
// FIRMWARE_SOURCES: src/core/netdev.c src/core/iobuf.c src/core/retry.c src/core/process.c src/core/interface.c src/core/xfer.c src/core/settings.c src/core/setting_types.c src/core/inet6.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/* UDP sockets: ports (shared between sockets bound to different devices),
 * delivery with addresses in the metadata, checksums the network layer
 * completes (checked end to end between two devices on one wire), and
 * malformed datagrams. */

#include <errno.h>
#include "unit.h"
#include "net_harness.h"

struct udp_header {
	uint16_t src, dest, len, chksum;
} __attribute__((packed));

/* The sum of the pseudo-header and the datagram. */
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

static const struct udp_header *captured_udp(unsigned i)
{
	return (const struct udp_header *)(captured_ip(i) + 1);
}

static void test_receive(struct net_device *netdev)
{
	struct udp_endpoint ep, other;
	struct sockaddr_in peer = sock_in("10.0.0.9", 0);
	uint8_t buf[128];
	size_t len;

	CHECK_INT(endpoint_open(&ep, 69, NULL, NULL), 0);
	/* The socket holds its user. */
	CHECK_INT(ep.refcnt.count, 2);
	CHECK_ERR(endpoint_open(&other, 69, NULL, NULL), -EADDRINUSE);
	CHECK_INT(other.refcnt.count, 1);

	len = datagram(buf, 69, "hello", "10.0.0.2", 1);
	CHECK_INT(inject_ip(netdev, IP_UDP, "10.0.0.2", buf, len, 1, 0), 0);
	CHECK_INT(ep.received_count, 1);
	CHECK_STR(ep.received, "hello");
	CHECK_INT(ep.from.sin_family, AF_INET);
	CHECK_INT(ntohs(ep.from.sin_port), 1234);
	CHECK(ep.from.sin_addr.s_addr == ip("10.0.0.1").s_addr);
	CHECK_INT(ntohs(ep.to.sin_port), 69);
	CHECK(ep.to.sin_addr.s_addr == ip("10.0.0.2").s_addr);
	CHECK(ep.netdev == netdev);
	CHECK_INT(ep.from.sin_scope_id, netdev->index + 1);

	/* No checksum is accepted; a wrong one is not. */
	len = datagram(buf, 69, "nosum", "10.0.0.2", 0);
	CHECK_INT(inject_ip(netdev, IP_UDP, "10.0.0.2", buf, len, 1, 0), 0);
	CHECK_STR(ep.received, "nosum");
	len = datagram(buf, 69, "badsum", "10.0.0.2", 1);
	buf[8] ^= 0x20;
	CHECK_ERR(inject_ip(netdev, IP_UDP, "10.0.0.2", buf, len, 1, 0), -EINVAL);
	/* The checksum covers the addresses: the same datagram to the
	 * broadcast address fails. */
	len = datagram(buf, 69, "wrong dest", "10.0.0.2", 1);
	CHECK_ERR(inject_ip(netdev, IP_UDP, "10.0.0.255", buf, len, 1, 0), -EINVAL);
	CHECK_INT(ep.received_count, 2);

	/* Lengths: shorter than a header, beyond the packet, below 8; and
	 * bytes after the UDP length are ignored. */
	CHECK_ERR(inject_ip(netdev, IP_UDP, "10.0.0.2", buf, 7, 1, 0), -EINVAL);
	len = datagram(buf, 69, "long", "10.0.0.2", 0);
	buf[5] = (uint8_t)(len + 1);
	CHECK_ERR(inject_ip(netdev, IP_UDP, "10.0.0.2", buf, len, 1, 0), -EINVAL);
	buf[5] = 7;
	CHECK_ERR(inject_ip(netdev, IP_UDP, "10.0.0.2", buf, len, 1, 0), -EINVAL);
	len = datagram(buf, 69, "trim", "10.0.0.2", 1);
	memcpy(buf + len, "XXXX", 4);
	CHECK_INT(inject_ip(netdev, IP_UDP, "10.0.0.2", buf, len + 4, 1, 0), 0);
	CHECK_STR(ep.received, "trim");
	CHECK_INT(ep.received_count, 3);

	/* No socket on the port. */
	len = datagram(buf, 70, "nobody", "10.0.0.2", 1);
	CHECK_ERR(inject_ip(netdev, IP_UDP, "10.0.0.2", buf, len, 1, 0), -ENOTCONN);

	/* Closing frees the port and lets go of the user; the socket's
	 * close does not come back to the side that closed. */
	endpoint_close_socket(&ep);
	CHECK_INT(ep.refcnt.count, 1);
	CHECK(!ep.closed);
	len = datagram(buf, 69, "closed", "10.0.0.2", 1);
	CHECK_ERR(inject_ip(netdev, IP_UDP, "10.0.0.2", buf, len, 1, 0), -ENOTCONN);
	CHECK_INT(ep.received_count, 3);

	/* A socket with a peer takes only that peer's datagrams. */
	CHECK_INT(endpoint_open(&ep, 69, &peer, netdev), 0);
	len = datagram(buf, 69, "stranger", "10.0.0.2", 1);
	CHECK_ERR(inject_ip(netdev, IP_UDP, "10.0.0.2", buf, len, 1, 0), -ENOTCONN);
	CHECK_INT(ep.received_count, 0);
	endpoint_close_socket(&ep);
	peer.sin_addr = ip("10.0.0.1");
	CHECK_INT(endpoint_open(&ep, 69, &peer, netdev), 0);
	len = datagram(buf, 69, "friend", "10.0.0.2", 1);
	CHECK_INT(inject_ip(netdev, IP_UDP, "10.0.0.2", buf, len, 1, 0), 0);
	CHECK_STR(ep.received, "friend");
	endpoint_close_socket(&ep);
	CHECK_INT(ep.refcnt.count, 1);

	/* A user that closes its socket from inside the delivery (the last
	 * datagram it wanted): the socket goes while the stack is still in
	 * its receive path (ASan sees any use after that), and the port is
	 * free again. */
	CHECK_INT(endpoint_open(&ep, 69, NULL, netdev), 0);
	ep.close_on_receive = true;
	len = datagram(buf, 69, "last", "10.0.0.2", 1);
	CHECK_INT(inject_ip(netdev, IP_UDP, "10.0.0.2", buf, len, 1, 0), 0);
	CHECK_STR(ep.received, "last");
	CHECK_INT(ep.refcnt.count, 1);
	CHECK(!intf_is_plugged(&ep.xfer));
	CHECK_ERR(inject_ip(netdev, IP_UDP, "10.0.0.2", buf, len, 1, 0), -ENOTCONN);
	CHECK_INT(ep.received_count, 1);
	CHECK_INT(endpoint_open(&ep, 69, NULL, netdev), 0);
	endpoint_close_socket(&ep);
}

static void test_transmit(struct net_device *netdev)
{
	struct udp_endpoint a, b, c;
	struct sockaddr_in dest = sock_in("10.0.0.1", 4321);
	struct sockaddr_in local = sock_in("0.0.0.0", 0);
	const struct udp_header *udp;
	uint16_t port_a;

	CHECK_INT(endpoint_open(&a, 0, NULL, NULL), 0);
	CHECK_INT(endpoint_open(&b, 0, NULL, NULL), 0);

	captured_count = 0;
	/* Neither peer nor destination. */
	CHECK_ERR(endpoint_send(&a, "reply", 5, NULL), -ENOTCONN);
	CHECK_INT(captured_count, 0);
	/* The buffer the socket allocates leaves room for every header. */
	{
		struct io_buffer *iob = wb_xfer_alloc_iob(&a.xfer, 10);

		CHECK(iob_headroom(iob) >= 8 + 20 + ETH_HLEN);
		wb_free_iob(iob);
	}
	CHECK_INT(endpoint_send(&a, "reply", 5, &dest), 0);
	CHECK_INT(endpoint_send(&b, "reply", 5, &dest), 0);
	CHECK_INT(captured_count, 2);
	udp = captured_udp(0);
	port_a = udp->src;
	/* Ephemeral ports: distinct, in the dynamic range. */
	CHECK(captured_udp(1)->src != port_a);
	CHECK(ntohs(port_a) >= 49152);
	CHECK(ntohs(captured_udp(1)->src) >= 49152);
	CHECK_INT(ntohs(udp->dest), 4321);
	CHECK_INT(ntohs(udp->len), 13);
	CHECK(udp->chksum != 0);
	CHECK_INT(pseudo_sum("10.0.0.2", "10.0.0.1", udp, 13), 0xffff);
	CHECK(memcmp(udp + 1, "reply", 5) == 0);
	CHECK_INT(captured_ip(0)->protocol, IP_UDP);
	endpoint_close_socket(&a);
	endpoint_close_socket(&b);

	/* A connected socket sends to its peer; opened by type. */
	endpoint_init(&c);
	local.sin_port = htons(5000);
	CHECK_INT(wb_xfer_open_socket(&c.xfer, SOCK_DGRAM, (struct sockaddr *)&dest,
				      (struct sockaddr *)&local), 0);
	CHECK_INT(endpoint_send(&c, "to peer", 7, NULL), 0);
	CHECK_INT(captured_count, 3);
	CHECK_INT(ntohs(captured_udp(2)->src), 5000);
	CHECK_INT(ntohs(captured_udp(2)->dest), 4321);
	CHECK(captured_ip(2)->dest.s_addr == ip("10.0.0.1").s_addr);
	endpoint_close_socket(&c);
	CHECK_INT(c.refcnt.count, 1);
	CHECK_ERR(wb_xfer_open_socket(&c.xfer, SOCK_STREAM, NULL, NULL), -ENOTSUP);
	(void)netdev;
}

/* DHCP listens on port 68 of every device at once: sockets bound to
 * different devices share a port, each receiving its own device's. */
static void test_shared_port(struct net_device *net0, struct net_device *net1)
{
	struct udp_endpoint e0, e1, any, twice;
	uint8_t buf[64], packet[128];
	size_t len;

	CHECK_INT(endpoint_open(&e0, 68, NULL, net0), 0);
	CHECK_INT(endpoint_open(&e1, 68, NULL, net1), 0);
	CHECK_ERR(endpoint_open(&twice, 68, NULL, net1), -EADDRINUSE);
	CHECK_ERR(endpoint_open(&any, 68, NULL, NULL), -EADDRINUSE);

	len = datagram(buf, 68, "for net0", "10.0.0.2", 1);
	CHECK_INT(inject_ip(net0, IP_UDP, "10.0.0.2", buf, len, 1, 0), 0);
	len = datagram(buf, 68, "for net1", "10.0.1.2", 1);
	ip_header(packet, IP_UDP, "10.0.0.1", "10.0.1.2", len, 1, 0);
	memcpy(packet + 20, buf, len);
	CHECK_INT(inject(net1, ETH_P_IP, net1->ll_addr, packet, 20 + len), 0);
	CHECK_INT(e0.received_count, 1);
	CHECK_STR(e0.received, "for net0");
	CHECK(e0.netdev == net0);
	CHECK_INT(e1.received_count, 1);
	CHECK_STR(e1.received, "for net1");
	CHECK(e1.netdev == net1);

	/* Each sends out of its own device, whatever the routing says:
	 * a broadcast from e1 leaves net1 only. */
	{
		struct sockaddr_in bcast = sock_in("255.255.255.255", 67);

		captured_count = 0;
		CHECK_INT(endpoint_send(&e1, "discover", 8, &bcast), 0);
		CHECK_INT(captured_count, 1);
		CHECK(captured[0].netdev == net1);
		CHECK_INT(ntohs(captured_udp(0)->src), 68);
	}
	endpoint_close_socket(&e0);
	endpoint_close_socket(&e1);
	/* With both gone, one socket for every device may take the port;
	 * then no device-bound one may. */
	CHECK_INT(endpoint_open(&any, 68, NULL, NULL), 0);
	CHECK_ERR(endpoint_open(&e0, 68, NULL, net0), -EADDRINUSE);
	endpoint_close_socket(&any);
}

/* A datagram the stack sends from one device and receives on another,
 * over a wire (ARP included), is intact: its checksum, filled in by the
 * network layer, is right; a corrupted copy is dropped. */
static void test_wire(struct net_device *net0, struct net_device *net1)
{
	struct udp_endpoint sender, receiver;
	struct sockaddr_in dest = sock_in("10.0.1.2", 7000);
	uint8_t frame[2048], payload[32];
	struct udp_header *udp;
	uint16_t sum;
	size_t frame_len;

	/* Both on one subnet now. */
	CHECK_INT(wb_ipv4_configure(net1, ip("10.0.1.2"), ip("255.255.0.0"), ip("0.0.0.0")), 0);
	CHECK_INT(wb_ipv4_configure(net0, ip("10.0.0.2"), ip("255.255.0.0"), ip("10.0.0.1")), 0);
	CHECK_INT(endpoint_open(&sender, 6000, NULL, net0), 0);
	CHECK_INT(endpoint_open(&receiver, 7000, NULL, net1), 0);

	captured_count = 0;
	CHECK_INT(endpoint_send(&sender, "odd length", 10, &dest), 0);
	/* net0 asks; net1 answers; net0 sends what waited. */
	CHECK_INT(captured_count, 1);
	CHECK(captured[0].netdev == net0);
	CHECK_INT(inject_captured(net1, 0), 0);
	CHECK_INT(captured_count, 2);
	CHECK(captured[1].netdev == net1);
	CHECK_INT(inject_captured(net0, 1), 0);
	CHECK_INT(captured_count, 3);
	CHECK(captured[2].netdev == net0);
	CHECK(memcmp(captured[2].data, net1->ll_addr, ETH_ALEN) == 0);
	udp = (struct udp_header *)(captured_ip(2) + 1);
	CHECK(udp->chksum != 0);
	CHECK_INT(pseudo_sum("10.0.0.2", "10.0.1.2", udp, ntohs(udp->len)), 0xffff);
	CHECK_INT(inject_captured(net1, 2), 0);
	CHECK_INT(receiver.received_count, 1);
	CHECK_STR(receiver.received, "odd length");
	CHECK(receiver.from.sin_addr.s_addr == ip("10.0.0.2").s_addr);
	CHECK_INT(ntohs(receiver.from.sin_port), 6000);
	CHECK(receiver.netdev == net1);

	/* One bit flipped in the payload: dropped, the receiver sees
	 * nothing. */
	frame_len = captured[2].len;
	memcpy(frame, captured[2].data, frame_len);
	captured[2].data[ETH_HLEN + 20 + 8 + 3] ^= 0x04;
	CHECK_ERR(inject_captured(net1, 2), -EINVAL);
	CHECK_INT(receiver.received_count, 1);
	/* ...and so is a checksum that is off. */
	memcpy(captured[2].data, frame, frame_len);
	captured[2].data[ETH_HLEN + 20 + 6] ^= 0x80;
	CHECK_ERR(inject_captured(net1, 2), -EINVAL);
	CHECK_INT(receiver.received_count, 1);

	/* A datagram whose sum is exactly 0xffff is sent with 0xffff, never
	 * 0 (which would mean "no checksum"): the last payload word is
	 * chosen to make it so. */
	memset(payload, 0x33, sizeof(payload));
	{
		uint8_t datagram_bytes[8 + sizeof(payload)];
		struct udp_header *h = (struct udp_header *)datagram_bytes;

		h->src = htons(6000);
		h->dest = htons(7000);
		h->len = htons(sizeof(datagram_bytes));
		h->chksum = 0;
		payload[sizeof(payload) - 2] = payload[sizeof(payload) - 1] = 0;
		memcpy(datagram_bytes + 8, payload, sizeof(payload));
		sum = pseudo_sum("10.0.0.2", "10.0.1.2", datagram_bytes,
				 sizeof(datagram_bytes));
		sum = (uint16_t)~sum;
		memcpy(payload + sizeof(payload) - 2, &sum, 2);
	}
	captured_count = 0;
	CHECK_INT(endpoint_send(&sender, payload, sizeof(payload), &dest), 0);
	CHECK_INT(captured_count, 1);
	udp = (struct udp_header *)(captured_ip(0) + 1);
	CHECK_INT(udp->chksum, 0xffff);
	CHECK_INT(inject_captured(net1, 0), 0);
	CHECK_INT(receiver.received_count, 2);

	endpoint_close_socket(&sender);
	endpoint_close_socket(&receiver);
	configure(net0);
}

/* A socket bound to a device that goes sends nothing anywhere. */
static void test_device_gone(void)
{
	static const uint8_t mac2[ETH_ALEN] = { 0x02, 0, 0, 0, 2, 0x01 };
	struct net_device *net2 = fake_netdev_mac(mac2);
	struct sockaddr_in bcast = sock_in("255.255.255.255", 67);
	struct udp_endpoint ep;

	CHECK_INT(endpoint_open(&ep, 68, NULL, net2), 0);
	fake_netdev_remove(net2);
	captured_count = 0;
	CHECK_ERR(endpoint_send(&ep, "x", 1, &bcast), -ENETUNREACH);
	CHECK_INT(captured_count, 0);
	endpoint_close_socket(&ep);
}

/* Ephemeral ports come from the random source (RFC 6056), not a counter:
 * ports follow the random sequence; without any entropy a socket still
 * opens (on a port from the clock), so that a boot goes on. */
static void test_random_ports(void)
{
	struct udp_endpoint a, b;
	uint32_t saved = fake_random_state;
	struct sockaddr_in dest = sock_in("10.0.0.1", 4321);
	uint16_t first, second;

	CHECK_INT(endpoint_open(&a, 0, NULL, NULL), 0);
	captured_count = 0;
	CHECK_INT(endpoint_send(&a, "x", 1, &dest), 0);
	first = captured_udp(0)->src;
	endpoint_close_socket(&a);
	/* The same random draw gives the same port: the port is the draw. */
	fake_random_state = saved;
	CHECK_INT(endpoint_open(&b, 0, NULL, NULL), 0);
	CHECK_INT(endpoint_send(&b, "x", 1, &dest), 0);
	second = captured_udp(1)->src;
	CHECK_INT(second, first);
	endpoint_close_socket(&b);

	fake_random_fail = -ENODEV;
	CHECK_INT(endpoint_open(&a, 0, NULL, NULL), 0);
	CHECK_INT(endpoint_send(&a, "x", 1, &dest), 0);
	CHECK(ntohs(captured_udp(2)->src) >= 49152);
	endpoint_close_socket(&a);
	fake_random_fail = 0;
}

int main(void)
{
	static const uint8_t mac1[ETH_ALEN] = { 0x02, 0, 0, 0, 1, 0x01 };
	struct net_device *net0 = fake_netdev();
	struct net_device *net1 = fake_netdev_mac(mac1);

	configure(net0);
	CHECK_INT(wb_ipv4_configure(net1, ip("10.0.1.2"), ip("255.255.255.0"), ip("0.0.0.0")), 0);
	/* Resolve 10.0.0.1 first (the reply releases the queued packet). */
	send_ip(net0, "10.0.0.1", "x", 1);
	CHECK_INT(inject_arp_reply(net0, "10.0.0.1", "10.0.0.2"), 0);
	test_receive(net0);
	test_transmit(net0);
	test_shared_port(net0, net1);
	test_wire(net0, net1);
	test_device_gone();
	test_random_ports();
	fake_netdev_remove(net1);
	fake_netdev_remove(net0);
	return unit_finish();
}
