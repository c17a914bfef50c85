/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef TESTS_FAKE_SOCKET_H
#define TESTS_FAKE_SOCKET_H

/*
 * A simulated network at the socket level for the protocol tests and
 * fuzz targets (DHCP, DNS, TFTP): the protocol under test is linked for
 * real and opens its sockets through the real xfer_open_socket(), which
 * finds this file's datagram socket opener (the test links
 * src/net/socket.c but not UDP). Each fake socket is an object whose interface is plugged to
 * the protocol like a UDP socket's would be:
 *
 *   - what the protocol delivers is shown to the test's fake_server()
 *     with its destination (the metadata's, else the socket's peer) and
 *     the device the metadata names, then freed;
 *   - the test queues replies with fake_reply(): each names its source
 *     address and device and is delivered, on a later pass of the fake
 *     main loop, to whichever open socket owns the destination port, by
 *     the rules UDP uses (a socket bound to a device hears only that
 *     device, a socket with a peer only that peer's address);
 *   - the protocol closing its interface closes the socket.
 *
 * The clock moves only when the loop runs: a pass delivers one queued
 * datagram, or, when none is queued, advances the clock by 1 ms; then it
 * runs the real main loop step (timers and processes), so the retry
 * timers of the protocol fire at the simulated times.
 *
 * Firmware objects are linked with every symbol renamed "wb_" (see
 * tests/tests.mk); what they do not define (this file's functions) they
 * call by the plain name. Inline functions of the headers refer to the
 * null interface, so its name is mapped before they are read: include
 * this first.
 */

#define null_intf wb_null_intf
#define null_intf_operations wb_null_intf_operations

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <net/in.h>
#include <net/socket.h>
#include <wireboot/iobuf.h>
#include <wireboot/netdev.h>
#include "fake_random.h"
#include <wireboot/xfer.h>

struct io_buffer *wb_alloc_iob(size_t len);
void wb_free_iob(struct io_buffer *iob);
void wb_intf_plug_plug(struct interface *a, struct interface *b);
void wb_intf_unplug(struct interface *intf);
void wb_intf_shutdown(struct interface *intf, int rc);
int wb_xfer_deliver(struct interface *intf, struct io_buffer *iob,
		    struct xfer_metadata *meta);
void wb_step(void);

/* The platform's heap call that the C library lacks. */
void *zalloc(size_t size)
{
	return calloc(1, size);
}

/* The plain error number of a firmware return code, which may carry a
 * failure site above the base (see src/include/errno.h, which host code
 * cannot include beside the C library's). */
static inline int err_base(int rc)
{
	return rc < 0 ? -(-rc & 0xff) : (rc & 0xff);
}

static uint64_t fake_now = 1000000;

uint64_t monotonic_us(void)
{
	return fake_now;
}

#define FAKE_MAX_SOCKETS 16
#define FAKE_QUEUE_LEN 1024
#define FAKE_EPHEMERAL_MIN 50000

struct fake_socket {
	struct refcnt refcnt;
	struct interface xfer;
	struct sockaddr_tcpip local;	/* port always set */
	struct sockaddr_tcpip peer;	/* st_family 0: unconnected */
	bool open;
	int close_rc;			/* what the protocol closed it with */
	unsigned sent;			/* datagrams the protocol sent on it */
};

/* What the protocol sent: shown to fake_server(), valid during the call. */
struct fake_sent {
	struct fake_socket *sock;
	const uint8_t *data;
	size_t len;
	const struct sockaddr_in *dest;
	struct net_device *netdev;	/* the metadata's, or NULL */
};

/* Supplied by the test: sees every datagram sent, may queue replies. */
static void fake_server(const struct fake_sent *sent);

static struct fake_socket *fake_sockets[FAKE_MAX_SOCKETS];
static struct fake_socket *fake_last_socket;	/* the one opened last */
static unsigned fake_sockets_opened, fake_sent_count;
/* Datagrams that reached no socket, and those the protocol refused. */
static unsigned fake_undelivered, fake_refused;
static uint16_t fake_next_port = FAKE_EPHEMERAL_MIN;
/* Set by a test: the next opens fail with this error. */
static int fake_open_error;

struct fake_datagram {
	uint8_t *data;
	size_t len;
	struct sockaddr_tcpip src;
	uint16_t port;			/* destination, network order */
	struct net_device *netdev;	/* arrived on, or NULL */
};
static struct fake_datagram fake_queue[FAKE_QUEUE_LEN];
static unsigned fake_queue_head, fake_queue_count;
/* The datagram being delivered right now (NULL between deliveries), so
 * that what the protocol passes on can be traced to what it received. */
static const struct fake_datagram *fake_delivering;

__attribute__((unused)) static struct sockaddr_in fake_addr(uint32_t host_addr,
							    uint16_t port)
{
	struct sockaddr_in sin = { .sin_family = AF_INET };

	sin.sin_addr.s_addr = htonl(host_addr);
	sin.sin_port = htons(port);
	return sin;
}

static bool fake_same_address(const struct sockaddr_tcpip *a,
			      const struct sockaddr_tcpip *b)
{
	return a->st_family == b->st_family &&
	       memcmp(a->pad + 2, b->pad + 2, sizeof(a->pad) - 2) == 0;
}

/* Queues a datagram to local port (host order) on netdev (NULL: none
 * named), from src; delivered on a later pass. */
__attribute__((unused)) static void fake_reply_port(uint16_t port,
						    struct net_device *netdev,
						    const void *data,
						    size_t len,
						    struct sockaddr_in src)
{
	struct fake_datagram *dgram;

	if (fake_queue_count == FAKE_QUEUE_LEN)
		return;		/* a full queue loses datagrams, as a NIC would */
	dgram = &fake_queue[(fake_queue_head + fake_queue_count++) %
			    FAKE_QUEUE_LEN];
	dgram->data = malloc(len ? len : 1);
	memcpy(dgram->data, data, len);
	dgram->len = len;
	memset(&dgram->src, 0, sizeof(dgram->src));
	memcpy(&dgram->src, &src, sizeof(src));
	dgram->port = htons(port);
	dgram->netdev = netdev;
}

/* Queues a reply to the socket a datagram was sent from, on the device it
 * was sent by. */
__attribute__((unused)) static void fake_reply(const struct fake_sent *sent,
					       const void *data, size_t len,
					       struct sockaddr_in src)
{
	fake_reply_port(ntohs(sent->sock->local.st_port), sent->netdev, data,
			len, src);
}

__attribute__((unused)) static void fake_flush_queue(void)
{
	while (fake_queue_count) {
		free(fake_queue[fake_queue_head].data);
		fake_queue_head = (fake_queue_head + 1) % FAKE_QUEUE_LEN;
		fake_queue_count--;
	}
}

static struct fake_socket *fake_demux(const struct fake_datagram *dgram)
{
	unsigned i;

	for (i = 0; i < FAKE_MAX_SOCKETS; i++) {
		struct fake_socket *sock = fake_sockets[i];

		if (!sock || sock->local.st_port != dgram->port)
			continue;
		if (sock->local.st_scope_id &&
		    (!dgram->netdev ||
		     sock->local.st_scope_id != dgram->netdev->index + 1))
			continue;
		if (sock->peer.st_family &&
		    !fake_same_address(&sock->peer, &dgram->src))
			continue;
		return sock;
	}
	return NULL;
}

/* Delivers the oldest queued datagram; false if none was queued. */
static bool fake_deliver_one(void)
{
	struct fake_datagram dgram;
	struct fake_socket *sock;
	struct sockaddr_tcpip dest;
	struct xfer_metadata meta = { 0 };
	struct io_buffer *iob;

	if (!fake_queue_count)
		return false;
	dgram = fake_queue[fake_queue_head];
	fake_queue_head = (fake_queue_head + 1) % FAKE_QUEUE_LEN;
	fake_queue_count--;
	sock = fake_demux(&dgram);
	if (!sock) {
		fake_undelivered++;
		free(dgram.data);
		return true;
	}
	iob = wb_alloc_iob(dgram.len);
	if (iob) {
		memcpy(iob_put(iob, dgram.len), dgram.data, dgram.len);
		dest = sock->local;
		meta.src = (struct sockaddr *)&dgram.src;
		meta.dest = (struct sockaddr *)&dest;
		meta.netdev = dgram.netdev;
		fake_delivering = &dgram;
		if (wb_xfer_deliver(&sock->xfer, iob, &meta) != 0)
			fake_refused++;
		fake_delivering = NULL;
	}
	free(dgram.data);
	return true;
}

static int fake_socket_deliver(struct interface *xfer, struct io_buffer *iob,
			       struct xfer_metadata *meta)
{
	struct fake_socket *sock = container_of(xfer, struct fake_socket, xfer);
	const struct sockaddr_tcpip *dest =
		meta->dest ? (struct sockaddr_tcpip *)meta->dest : &sock->peer;
	struct sockaddr_in to;
	struct fake_sent sent;

	/* What UDP refuses, refused here too. */
	if (!dest->st_family || !dest->st_port) {
		wb_free_iob(iob);
		return -ENOTCONN;
	}
	memcpy(&to, dest, sizeof(to));
	sent.sock = sock;
	sent.data = iob->data;
	sent.len = iob_len(iob);
	sent.dest = &to;
	sent.netdev = meta->netdev;
	sock->sent++;
	fake_sent_count++;
	fake_server(&sent);
	wb_free_iob(iob);
	return 0;
}

static void fake_socket_close(struct interface *xfer, int rc)
{
	struct fake_socket *sock = container_of(xfer, struct fake_socket, xfer);
	unsigned i;

	wb_intf_shutdown(&sock->xfer, rc);
	if (!sock->open)
		return;
	sock->open = false;
	sock->close_rc = rc;
	for (i = 0; i < FAKE_MAX_SOCKETS; i++) {
		if (fake_sockets[i] == sock)
			fake_sockets[i] = NULL;
	}
	if (fake_last_socket == sock)
		fake_last_socket = NULL;
	ref_put(&sock->refcnt);		/* the table's */
}

static const struct interface_operations fake_socket_operations = {
	.deliver = fake_socket_deliver,
	.close = fake_socket_close,
};

static void fake_socket_free(struct refcnt *refcnt)
{
	free(container_of(refcnt, struct fake_socket, refcnt));
}

/* UDP's port rules: devices may share a port, "any device" shares none. */
static bool fake_port_in_use(uint16_t port, uint16_t scope_id)
{
	unsigned i;

	for (i = 0; i < FAKE_MAX_SOCKETS; i++) {
		struct fake_socket *sock = fake_sockets[i];

		if (sock && sock->local.st_port == port &&
		    (!scope_id || !sock->local.st_scope_id ||
		     sock->local.st_scope_id == scope_id))
			return true;
	}
	return false;
}

static int fake_socket_open(struct interface *xfer,
			    const struct sockaddr *peer,
			    const struct sockaddr *local)
{
	struct fake_socket *sock;
	unsigned i;

	if (fake_open_error)
		return fake_open_error;
	for (i = 0; i < FAKE_MAX_SOCKETS && fake_sockets[i]; i++)
		;
	if (i == FAKE_MAX_SOCKETS)
		return -ENOBUFS;
	sock = calloc(1, sizeof(*sock));
	if (!sock)
		return -ENOMEM;
	ref_init(&sock->refcnt, fake_socket_free);
	intf_init(&sock->xfer, &fake_socket_operations, &sock->refcnt);
	if (local)
		memcpy(&sock->local, local, sizeof(sock->local));
	if (peer)
		memcpy(&sock->peer, peer, sizeof(sock->peer));
	if (!sock->local.st_port)
		sock->local.st_port = htons(fake_next_port++);
	if (fake_port_in_use(sock->local.st_port, sock->local.st_scope_id)) {
		free(sock);
		return -EADDRINUSE;
	}
	sock->open = true;
	fake_sockets[i] = sock;		/* the creation reference */
	fake_last_socket = sock;
	fake_sockets_opened++;
	wb_intf_plug_plug(&sock->xfer, xfer);
	return 0;
}

/* Found by the real xfer_open_socket() (src/net/socket.c) in place of
 * UDP's. */
SOCKET_OPENER(fake_socket_opener) = {
	.semantics = SOCK_DGRAM,
	.open = fake_socket_open,
};

__attribute__((unused)) static unsigned fake_open_sockets(void)
{
	unsigned i, count = 0;

	for (i = 0; i < FAKE_MAX_SOCKETS; i++)
		count += fake_sockets[i] != NULL;
	return count;
}

/* One pass of the main loop as the protocols see it; true if a datagram
 * was delivered. */
static bool fake_pass(void)
{
	bool delivered = fake_deliver_one();

	if (!delivered)
		fake_now += 1000;
	wb_step();
	return delivered;
}

/* Runs the loop for a while, whatever happens. */
__attribute__((unused)) static void fake_run(uint64_t duration_us)
{
	uint64_t end = fake_now + duration_us;

	while (fake_now < end)
		fake_pass();
}

#endif
