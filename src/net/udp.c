/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * UDP (RFC 768) over the tcpip layer: sockets identified by their local
 * port (and device, when bound to one), checksums completed by whichever
 * network protocol carries them, and delivery of each datagram to the
 * socket that owns its destination port.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <net/tcpip.h>
#include <wireboot/byteorder.h>
#include <net/udp.h>
#include <wireboot/debug.h>
#include <wireboot/errfile.h>
#include <wireboot/list.h>
#include <wireboot/random_id.h>
#include <wireboot/xfer.h>

PROVIDE_OBJECT(udp);

#define ERRFILE ERRFILE_udp

/* The dynamic port range of RFC 6335. */
#define UDP_EPHEMERAL_MIN 49152U
#define UDP_EPHEMERAL_COUNT 16384U

/* All 16-bit fields: naturally aligned, no packing (the checksum field
 * is handed to the network layer by address). */
struct udp_header {
	uint16_t src;
	uint16_t dest;
	uint16_t len;
	uint16_t chksum;
};

struct udp_socket {
	struct refcnt refcnt;
	struct list_head list;		/* open sockets; holds a reference */
	struct interface xfer;
	struct sockaddr_tcpip local;	/* port, scope (and address) */
	struct sockaddr_tcpip peer;	/* st_family 0: unconnected */
};

static LIST_HEAD(udp_sockets);

extern const struct tcpip_protocol udp_protocol;

/* Sockets bound to different devices may share a port (DHCP's 68 on
 * every device at once); one bound to any device shares with nobody. */
static bool port_in_use(uint16_t port, uint16_t scope_id)
{
	struct udp_socket *sock;

	list_for_each_entry(sock, &udp_sockets, list) {
		if (sock->local.st_port == port &&
		    (!scope_id || !sock->local.st_scope_id ||
		     sock->local.st_scope_id == scope_id))
			return true;
	}
	return false;
}

/* A free port chosen at random (RFC 6056: an off-path attacker must not
 * guess where our answers go), in network byte order, or -EADDRINUSE if
 * all are taken. */
static int ephemeral_port(uint16_t *port)
{
	uint32_t offset = random_id() % UDP_EPHEMERAL_COUNT;
	unsigned tries;

	for (tries = 0; tries < UDP_EPHEMERAL_COUNT; tries++) {
		*port = htons(UDP_EPHEMERAL_MIN +
			      (offset + tries) % UDP_EPHEMERAL_COUNT);
		if (!port_in_use(*port, 0))
			return 0;
	}
	return -EUNIQ(EADDRINUSE, 11);
}

static void udp_free(struct refcnt *refcnt)
{
	free(container_of(refcnt, struct udp_socket, refcnt));
}

static void udp_close(struct udp_socket *sock, int rc)
{
	intf_shutdown(&sock->xfer, rc);
	if (!list_empty(&sock->list)) {
		list_del(&sock->list);
		ref_put(&sock->refcnt);
	}
}

static struct io_buffer *udp_alloc_iob(struct interface *xfer, size_t len)
{
	struct io_buffer *iob = alloc_iob(TCPIP_HEADROOM + UDP_HLEN + len);

	if (iob)
		iob_reserve(iob, TCPIP_HEADROOM + UDP_HLEN);
	return iob;
}

static int udp_deliver(struct interface *xfer, struct io_buffer *iob,
		       struct xfer_metadata *meta)
{
	struct udp_socket *sock = container_of(xfer, struct udp_socket, xfer);
	const struct sockaddr_tcpip *dest =
		meta->dest ? (struct sockaddr_tcpip *)meta->dest : &sock->peer;
	struct udp_header *udp;
	size_t len = iob_len(iob) + sizeof(*udp);
	struct net_device *netdev = meta->netdev;

	if (!dest->st_family || !dest->st_port) {
		free_iob(iob);
		return -EUNIQ(ENOTCONN, 1);
	}
	if (len > 0xffff) {
		free_iob(iob);
		return -EUNIQ(EMSGSIZE, 2);
	}
	if (iob_headroom(iob) < sizeof(*udp)) {
		free_iob(iob);
		return -EUNIQ(ENOBUFS, 3);
	}
	if (!netdev && sock->local.st_scope_id) {
		/* Bound to a device: never out of another once it is gone. */
		netdev = tcpip_scope_netdev(&sock->local);
		if (!netdev) {
			free_iob(iob);
			return -EUNIQ(ENETUNREACH, 10);
		}
	}
	udp = iob_push(iob, sizeof(*udp));
	udp->src = sock->local.st_port;
	udp->dest = dest->st_port;
	udp->len = htons(len);
	udp->chksum = 0;
	return tcpip_tx(iob, &udp_protocol,
			sock->local.st_family ? &sock->local : NULL, dest,
			netdev, &udp->chksum);
}

static void udp_xfer_close(struct interface *xfer, int rc)
{
	udp_close(container_of(xfer, struct udp_socket, xfer), rc);
}

static const struct interface_operations udp_xfer_operations = {
	.deliver = udp_deliver,
	.alloc_iob = udp_alloc_iob,
	.close = udp_xfer_close,
};

int udp_open(struct interface *xfer, const struct sockaddr *peer,
	     const struct sockaddr *local)
{
	struct udp_socket *sock;
	uint16_t port = 0;

	sock = zalloc(sizeof(*sock));
	if (!sock)
		return -EUNIQ(ENOMEM, 4);
	ref_init(&sock->refcnt, udp_free);
	intf_init(&sock->xfer, &udp_xfer_operations, &sock->refcnt);
	INIT_LIST_HEAD(&sock->list);
	if (local)
		memcpy(&sock->local, local, sizeof(sock->local));
	if (peer)
		memcpy(&sock->peer, peer, sizeof(sock->peer));
	port = sock->local.st_port;
	if (!port) {
		int rc = ephemeral_port(&port);

		if (rc) {
			ref_put(&sock->refcnt);
			return rc;
		}
	} else if (port_in_use(port, sock->local.st_scope_id)) {
		ref_put(&sock->refcnt);
		return -EUNIQ(EADDRINUSE, 5);
	}
	sock->local.st_port = port;
	/* The list's reference is the one we were created with. */
	list_add(&sock->list, &udp_sockets);
	intf_plug_plug(&sock->xfer, xfer);
	return 0;
}

static struct udp_socket *udp_demux(uint16_t port,
				    const struct sockaddr_tcpip *st_src,
				    struct net_device *netdev)
{
	struct udp_socket *sock;

	list_for_each_entry(sock, &udp_sockets, list) {
		if (sock->local.st_port != port)
			continue;
		if (sock->local.st_scope_id &&
		    sock->local.st_scope_id != netdev->index + 1)
			continue;
		if (sock->peer.st_family && !sock_same_address(&sock->peer, st_src))
			continue;
		return sock;
	}
	return NULL;
}

static int udp_rx(struct io_buffer *iob, struct net_device *netdev,
		  struct sockaddr_tcpip *st_src, struct sockaddr_tcpip *st_dest,
		  uint16_t pshdr_csum)
{
	struct udp_header *udp = iob->data;
	struct xfer_metadata meta = { .netdev = netdev };
	struct udp_socket *sock;
	size_t len;
	int rc;

	if (iob_len(iob) < sizeof(*udp)) {
		DBG("%s: UDP datagram too short\n", netdev->name);
		rc = -EUNIQ(EINVAL, 6);
		goto drop;
	}
	len = ntohs(udp->len);
	if (len < sizeof(*udp) || len > iob_len(iob)) {
		DBG("%s: bad UDP length %zu (have %zu)\n", netdev->name, len,
		    iob_len(iob));
		rc = -EUNIQ(EINVAL, 7);
		goto drop;
	}
	if (len < iob_len(iob)) {
		/* The network layer's pseudo-header counted its whole
		 * payload; UDP's carries the UDP length (RFC 768). In ones'
		 * complement, taking one word out is adding its complement. */
		uint16_t fix[2] = { (uint16_t)~htons(iob_len(iob)), htons(len) };

		pshdr_csum = tcpip_chksum(pshdr_csum, fix, sizeof(fix));
		iob_trim(iob, len);
	}
	/* A zero checksum means the sender computed none. */
	if (udp->chksum && tcpip_chksum(pshdr_csum, udp, len) != 0xffff) {
		DBG("%s: bad UDP checksum\n", netdev->name);
		rc = -EUNIQ(EINVAL, 8);
		goto drop;
	}
	st_src->st_port = udp->src;
	st_dest->st_port = udp->dest;
	sock = udp_demux(udp->dest, st_src, netdev);
	if (!sock) {
		DBG2("%s: no UDP socket on port %u\n", netdev->name,
		     ntohs(udp->dest));
		rc = -EUNIQ(ENOTCONN, 9);
		goto drop;
	}
	iob_pull(iob, sizeof(*udp));
	meta.src = (struct sockaddr *)st_src;
	meta.dest = (struct sockaddr *)st_dest;
	return xfer_deliver(&sock->xfer, iob, &meta);

drop:
	free_iob(iob);
	return rc;
}

TCPIP_PROTOCOL(udp_protocol) = {
	.name = "UDP",
	.tcpip_proto = IP_UDP,
	.rx = udp_rx,
};

SOCKET_OPENER(udp_socket_opener) = {
	.semantics = SOCK_DGRAM,
	.open = udp_open,
};
