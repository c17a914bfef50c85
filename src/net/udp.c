/*
 * UDP (RFC 768): connections identified by their local port, checksums with
 * the IPv4 pseudo-header, and delivery of datagrams to the connection that
 * owns the destination port.
 */

#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <net/ipv4.h>
#include <net/udp.h>
#include <wireboot/debug.h>

/* The dynamic port range of RFC 6335. */
#define UDP_EPHEMERAL_MIN 49152U
#define UDP_EPHEMERAL_COUNT 16384U

struct udp_header {
	uint16_t src;
	uint16_t dest;
	uint16_t len;
	uint16_t chksum;
} __packed;

struct ipv4_pseudo_header {
	struct in_addr src;
	struct in_addr dest;
	uint8_t zero;
	uint8_t protocol;
	uint16_t len;
} __packed;

static LIST_HEAD(udp_conns);
static unsigned next_ephemeral;

static bool port_in_use(uint16_t port)
{
	struct udp_conn *conn;

	list_for_each_entry(conn, &udp_conns, list) {
		if (conn->local_port == port)
			return true;
	}
	return false;
}

/* Returns a free port in network byte order, or 0 if all are taken. */
static uint16_t ephemeral_port(void)
{
	unsigned tries;

	for (tries = 0; tries < UDP_EPHEMERAL_COUNT; tries++) {
		uint16_t port = htons(UDP_EPHEMERAL_MIN +
				      next_ephemeral++ % UDP_EPHEMERAL_COUNT);

		if (!port_in_use(port))
			return port;
	}
	return 0;
}

int udp_open(struct udp_conn *conn, const struct udp_operations *op,
	     uint16_t local_port, const struct sockaddr_in *peer,
	     struct net_device *netdev)
{
	uint16_t port = htons(local_port);

	if (!local_port)
		port = ephemeral_port();
	if (!port || port_in_use(port))
		return -EADDRINUSE;
	conn->op = op;
	conn->local_port = port;
	udp_connect(conn, peer);
	conn->netdev = netdev;
	if (netdev)
		netdev_get(netdev);
	list_add(&conn->list, &udp_conns);
	return 0;
}

void udp_close(struct udp_conn *conn)
{
	list_del(&conn->list);
	if (conn->netdev)
		netdev_put(conn->netdev);
	conn->netdev = NULL;
}

void udp_connect(struct udp_conn *conn, const struct sockaddr_in *peer)
{
	if (peer)
		conn->peer = *peer;
	else
		memset(&conn->peer, 0, sizeof(conn->peer));
}

/* The sum over pseudo-header and datagram (folded, not complemented). */
static uint16_t udp_sum(struct in_addr src, struct in_addr dest,
			const void *datagram, size_t len)
{
	struct ipv4_pseudo_header pseudo = {
		.src = src,
		.dest = dest,
		.protocol = IP_UDP,
		.len = htons(len),
	};

	return tcpip_chksum(tcpip_chksum(0, &pseudo, sizeof(pseudo)),
			    datagram, len);
}

struct io_buffer *udp_alloc_iob(size_t len)
{
	return alloc_net_iob(len);
}

int udp_tx(struct udp_conn *conn, struct io_buffer *iob,
	   const struct sockaddr_in *dest)
{
	const struct sockaddr_in *to = dest ? dest : &conn->peer;
	struct udp_header *udp;
	struct in_addr src;
	size_t len = iob_len(iob) + sizeof(*udp);
	int rc;

	if (!to->sin_addr.s_addr || !to->sin_port) {
		rc = -ENOTCONN;
		goto drop;
	}
	if (len > 0xffff) {
		rc = -EMSGSIZE;
		goto drop;
	}
	if (iob_headroom(iob) < sizeof(*udp)) {
		rc = -ENOBUFS;
		goto drop;
	}
	/* The checksum covers the source address routing will choose. */
	rc = ipv4_source_address(to->sin_addr, conn->netdev, &src);
	if (rc != 0)
		goto drop;
	udp = iob_push(iob, sizeof(*udp));
	udp->src = conn->local_port;
	udp->dest = to->sin_port;
	udp->len = htons(len);
	udp->chksum = 0;
	udp->chksum = ~udp_sum(src, to->sin_addr, udp, len);
	/* Zero on the wire means "no checksum". */
	if (!udp->chksum)
		udp->chksum = 0xffff;
	return ipv4_tx(iob, IP_UDP, src, to->sin_addr, conn->netdev);

drop:
	free_iob(iob);
	return rc;
}

static struct udp_conn *udp_demux(uint16_t port, struct in_addr src,
				  struct net_device *netdev)
{
	struct udp_conn *conn;

	list_for_each_entry(conn, &udp_conns, list) {
		if (conn->local_port == port &&
		    (!conn->netdev || conn->netdev == netdev) &&
		    (!conn->peer.sin_addr.s_addr ||
		     conn->peer.sin_addr.s_addr == src.s_addr))
			return conn;
	}
	return NULL;
}

static int udp_rx(struct io_buffer *iob, struct net_device *netdev,
		  struct in_addr src, struct in_addr dest)
{
	struct udp_header *udp = iob->data;
	struct sockaddr_in src_addr = { .sin_family = AF_INET };
	struct sockaddr_in dest_addr = { .sin_family = AF_INET };
	struct udp_conn *conn;
	size_t len;
	int rc = -EINVAL;

	if (iob_len(iob) < sizeof(*udp)) {
		DBG("%s: UDP datagram too short\n", netdev->name);
		goto drop;
	}
	len = ntohs(udp->len);
	if (len < sizeof(*udp) || len > iob_len(iob)) {
		DBG("%s: bad UDP length %zu (have %zu)\n", netdev->name, len,
		    iob_len(iob));
		goto drop;
	}
	iob_trim(iob, len);
	/* A zero checksum means the sender computed none. */
	if (udp->chksum && udp_sum(src, dest, udp, len) != 0xffff) {
		DBG("%s: bad UDP checksum\n", netdev->name);
		goto drop;
	}
	conn = udp_demux(udp->dest, src, netdev);
	if (!conn) {
		DBG2("%s: no UDP connection on port %u\n", netdev->name,
		     ntohs(udp->dest));
		rc = -ENOTCONN;
		goto drop;
	}
	src_addr.sin_port = udp->src;
	src_addr.sin_addr = src;
	dest_addr.sin_port = udp->dest;
	dest_addr.sin_addr = dest;
	iob_pull(iob, sizeof(*udp));
	conn->op->rx(conn, iob, &src_addr, &dest_addr, netdev);
	return 0;

drop:
	free_iob(iob);
	return rc;
}

IP_PROTOCOL(udp_protocol) = {
	.name = "UDP",
	.protocol = IP_UDP,
	.rx = udp_rx,
};
