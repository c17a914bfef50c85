/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef TESTS_TCP_HARNESS_H
#define TESTS_TCP_HARNESS_H

/*
 * A fake network protocol under TCP, for the TCP tests and fuzz target:
 * the real tcp.c runs over the real tcpip layer, whose AF_INET family is
 * this file's. What TCP sends is captured (parsed, with its checksum
 * checked against the same pseudo-header sum the test's segments use);
 * the test plays the peer by building segments and handing them to
 * tcpip_rx(). The owner of the connection is an object here that records
 * the bytes it is given, its close and the window changes it hears, and
 * whose receive window the test sets. Time is a variable the test moves
 * (fake_advance() fires the timers that fall due on the way).
 *
 * Firmware sources these tests link:
 *   src/net/tcp.c src/net/tcp_packet.c src/net/rtt_estimator.c src/net/tcpip.c
 *   src/net/socket.c src/core/random_id.c src/core/iobuf.c
 *   src/core/retry.c src/core/interface.c src/core/xfer.c
 *   src/core/settings.c src/core/setting_types.c src/core/inet6.c src/core/string.c
 *   src/core/vsprintf.c src/core/errors.c
 */

#define null_intf wb_null_intf
#define null_intf_operations wb_null_intf_operations

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <net/in.h>
#include <net/socket.h>
#include <net/tcpip.h>
#include <net/tcp_packet.h>
#include <wireboot/build_info.h>
#include <wireboot/iobuf.h>
#include <wireboot/netdev.h>
#include <wireboot/xfer.h>
#include "fake_random.h"

struct io_buffer *wb_alloc_iob(size_t len);
void wb_free_iob(struct io_buffer *iob);
void wb_intf_plug_plug(struct interface *a, struct interface *b);
void wb_intf_shutdown(struct interface *intf, int rc);
int wb_xfer_deliver(struct interface *intf, struct io_buffer *iob,
		    struct xfer_metadata *meta);
void wb_xfer_window_changed(struct interface *intf);
size_t wb_xfer_window(struct interface *intf);
struct io_buffer *wb_xfer_alloc_iob(struct interface *intf, size_t len);
int wb_xfer_open_socket(struct interface *xfer, int semantics,
			const struct sockaddr *peer, const struct sockaddr *local);
int wb_tcpip_rx(struct io_buffer *iob, struct net_device *netdev,
		uint8_t tcpip_proto, struct sockaddr_tcpip *st_src,
		struct sockaddr_tcpip *st_dest, uint16_t pshdr_csum);
uint16_t wb_tcpip_chksum(uint16_t partial, const void *data, size_t len);
int wb_tcp_parse(const void *data, size_t len, struct tcp_segment *seg);
size_t wb_tcp_options_len(const struct tcp_options *opts);
size_t wb_tcp_build_options(uint8_t *buf, const struct tcp_options *opts);
void wb_run_timers(void);
int wb_storef_setting(const char *name, const char *text);

/* The plain error number of a firmware return code (see errno.h). */
static inline int err_base(int rc)
{
	return rc < 0 ? -(-rc & 0xff) : rc;
}

/* Error numbers as the firmware's errno.h has them (the C library's
 * errno.h is the one included here). */
#define FW_ECONNRESET 104
#define FW_ETIMEDOUT 110
#define FW_ECONNREFUSED 111

/* ---- what the firmware objects expect from their platform ---------------- */

static uint64_t fake_now = 1000000;

uint64_t monotonic_us(void)
{
	return fake_now;
}

void *zalloc(size_t size)
{
	return calloc(1, size);
}

const struct build_info build_info = { .version = "test" };

struct net_device *find_netdev_by_index(unsigned index)
{
	(void)index;
	return NULL;
}

/* ---- the fake network protocol --------------------------------------------- */

#define OUR_ADDR 0x0a000002u	/* 10.0.0.2 */
#define PEER_ADDR 0x0a000001u	/* 10.0.0.1 */
#define PEER_PORT 80
#define FAKE_MAX_SENT 4096

struct sent_segment {
	struct tcp_segment seg;
	uint8_t data[2048];
	bool csum_ok;
};

static struct net_device fake_dev = { .name = "fake0", .mtu = 1500 };
static bool fake_no_route;
static struct sent_segment *fake_sent;
static unsigned fake_sent_count;
static bool fake_keep_sent = true;	/* the fuzzer does without */
static uint16_t our_port;		/* network order, from the SYN */

/* The pseudo-header's sum, as IPv4 makes it (the addresses are fixed). */
static uint16_t fake_pshdr(size_t len)
{
	struct {
		uint32_t src, dest;
		uint8_t zero, proto;
		uint16_t len;
	} __attribute__((packed)) ph = {
		htonl(PEER_ADDR), htonl(OUR_ADDR), 0, IP_TCP, htons((uint16_t)len)
	};

	return wb_tcpip_chksum(0, &ph, sizeof(ph));
}

static int fake_tx(struct io_buffer *iob, const struct tcpip_protocol *proto,
		   const struct sockaddr_tcpip *st_src,
		   const struct sockaddr_tcpip *st_dest,
		   struct net_device *netdev, uint16_t *trans_csum)
{
	size_t len = iob_len(iob);
	struct sent_segment *sent;

	(void)proto; (void)st_src; (void)st_dest; (void)netdev;
	/* Sent segments sum with the pseudo-header of the other way round,
	 * which has the same sum (addresses are added, not ordered). */
	*trans_csum = (uint16_t)~wb_tcpip_chksum(fake_pshdr(len), iob->data, len);
	if (!fake_keep_sent) {
		wb_free_iob(iob);
		return 0;
	}
	if (!fake_sent)
		fake_sent = calloc(FAKE_MAX_SENT, sizeof(*fake_sent));
	if (fake_sent_count < FAKE_MAX_SENT) {
		sent = &fake_sent[fake_sent_count++];
		sent->csum_ok = wb_tcpip_chksum(fake_pshdr(len), iob->data, len) == 0xffff;
		if (wb_tcp_parse(iob->data, len, &sent->seg) != 0)
			abort();
		memcpy(sent->data, (uint8_t *)iob->data + sent->seg.hlen,
		       sent->seg.data_len < sizeof(sent->data) ?
		       sent->seg.data_len : sizeof(sent->data));
		our_port = htons(sent->seg.src_port);
	}
	wb_free_iob(iob);
	return 0;
}

static struct net_device *fake_route(const struct sockaddr_tcpip *st_dest)
{
	(void)st_dest;
	return fake_no_route ? NULL : &fake_dev;
}

TCPIP_NET_PROTOCOL(fake_inet) = {
	.name = "fake",
	.sa_family = AF_INET,
	.tx = fake_tx,
	.route = fake_route,
	.header_len = 20,
};

static const struct sent_segment *last_sent(void)
{
	return fake_sent_count ? &fake_sent[fake_sent_count - 1] : NULL;
}

/* Hands len bytes from the peer to TCP as they are (the checksum field
 * written first, right or, if bad_csum, wrong); tcpip_rx()'s answer. */
static int peer_inject(const uint8_t *segment, size_t len, bool bad_csum)
{
	struct io_buffer *iob = wb_alloc_iob(64 + len);
	struct sockaddr_in src, dest;
	uint8_t *p;

	iob_reserve(iob, 64);
	p = iob_put(iob, len);
	memcpy(p, segment, len);
	if (len >= TCP_HLEN) {
		uint16_t csum;

		p[16] = p[17] = 0;
		csum = (uint16_t)~wb_tcpip_chksum(fake_pshdr(len), p, len);
		if (bad_csum)
			csum ^= 0x0101;
		memcpy(p + 16, &csum, 2);
	}
	memset(&src, 0, sizeof(src));
	memset(&dest, 0, sizeof(dest));
	src.sin_family = dest.sin_family = AF_INET;
	src.sin_addr.s_addr = htonl(PEER_ADDR);
	dest.sin_addr.s_addr = htonl(OUR_ADDR);
	return wb_tcpip_rx(iob, &fake_dev, IP_TCP, (struct sockaddr_tcpip *)&src,
			   (struct sockaddr_tcpip *)&dest, fake_pshdr(len));
}

/* Builds a segment from the peer to our port and hands it to TCP. */
static int peer_send(uint32_t seq, uint32_t ack, uint8_t flags,
		     uint16_t window, const struct tcp_options *opts,
		     const void *data, size_t len)
{
	size_t optlen = opts ? wb_tcp_options_len(opts) : 0;
	size_t total = TCP_HLEN + optlen + len;
	uint8_t *p = malloc(total);
	int rc;

	memset(p, 0, TCP_HLEN);
	memcpy(p, &(uint16_t){ htons(PEER_PORT) }, 2);
	memcpy(p + 2, &our_port, 2);
	memcpy(p + 4, &(uint32_t){ htonl(seq) }, 4);
	memcpy(p + 8, &(uint32_t){ htonl(ack) }, 4);
	p[12] = (uint8_t)(((TCP_HLEN + optlen) / 4) << 4);
	p[13] = flags;
	memcpy(p + 14, &(uint16_t){ htons(window) }, 2);
	if (optlen)
		wb_tcp_build_options(p + TCP_HLEN, opts);
	if (len)
		memcpy(p + TCP_HLEN + optlen, data, len);
	rc = peer_inject(p, total, false);
	free(p);
	return rc;
}

/* Moves the clock in steps of at most 1 ms, firing due timers. */
static void fake_advance(uint64_t us)
{
	uint64_t end = fake_now + us;

	while (fake_now < end) {
		uint64_t step = end - fake_now < 1000 ? end - fake_now : 1000;

		fake_now += step;
		wb_run_timers();
	}
}

/* ---- the connection's owner ----------------------------------------------- */

struct owner {
	struct refcnt refcnt;
	struct interface xfer;
	uint8_t *data;
	size_t capacity, received;
	size_t window;			/* what it accepts now */
	unsigned window_changes;
	bool closed;
	unsigned closes;
	int rc;
	const char *request;		/* sent when the window opens */
	bool request_sent;
	/* Called with each delivery and its offset in the stream, if set. */
	void (*check)(const uint8_t *data, size_t len, size_t offset);
};

static size_t owner_window(struct interface *xfer)
{
	return container_of(xfer, struct owner, xfer)->window;
}

static int owner_deliver(struct interface *xfer, struct io_buffer *iob,
			 struct xfer_metadata *meta)
{
	struct owner *owner = container_of(xfer, struct owner, xfer);
	size_t len = iob_len(iob);

	(void)meta;
	if (owner->check)
		owner->check(iob->data, len, owner->received);
	if (owner->received + len <= owner->capacity)
		memcpy(owner->data + owner->received, iob->data, len);
	owner->received += len;
	if (owner->window != SIZE_MAX)
		owner->window -= len < owner->window ? len : owner->window;
	wb_free_iob(iob);
	return 0;
}

static void owner_window_changed(struct interface *xfer)
{
	struct owner *owner = container_of(xfer, struct owner, xfer);
	struct io_buffer *iob;
	size_t len;

	owner->window_changes++;
	if (!owner->request || owner->request_sent)
		return;
	len = strlen(owner->request);
	if (wb_xfer_window(xfer) < len)
		return;
	iob = wb_xfer_alloc_iob(xfer, len);
	memcpy(iob_put(iob, len), owner->request, len);
	owner->request_sent = true;
	wb_xfer_deliver(xfer, iob, NULL);
}

static void owner_close(struct interface *xfer, int rc)
{
	struct owner *owner = container_of(xfer, struct owner, xfer);

	owner->closed = true;
	owner->closes++;
	owner->rc = rc;
	wb_intf_shutdown(xfer, rc);
}

static const struct interface_operations owner_operations = {
	.deliver = owner_deliver,
	.window = owner_window,
	.window_changed = owner_window_changed,
	.close = owner_close,
};

static void owner_init(struct owner *owner, size_t capacity)
{
	memset(owner, 0, sizeof(*owner));
	ref_init(&owner->refcnt, NULL);
	intf_init(&owner->xfer, &owner_operations, &owner->refcnt);
	owner->data = calloc(1, capacity ? capacity : 1);
	owner->capacity = capacity;
	owner->window = SIZE_MAX;
}

static void owner_free(struct owner *owner)
{
	free(owner->data);
	owner->data = NULL;
}

/* Opens a connection from owner to the peer through the socket table. */
static int owner_connect(struct owner *owner)
{
	struct sockaddr_in peer;

	memset(&peer, 0, sizeof(peer));
	peer.sin_family = AF_INET;
	peer.sin_addr.s_addr = htonl(PEER_ADDR);
	peer.sin_port = htons(PEER_PORT);
	fake_sent_count = 0;
	return wb_xfer_open_socket(&owner->xfer, SOCK_STREAM,
				   (struct sockaddr *)&peer, NULL);
}

/* The options of a full-featured peer's SYN-ACK. */
static struct tcp_options peer_syn_options(uint16_t mss, uint8_t wscale)
{
	struct tcp_options opts;

	memset(&opts, 0, sizeof(opts));
	opts.present = TCP_HAVE_MSS | TCP_HAVE_WSCALE | TCP_HAVE_SACK_OK |
		       TCP_HAVE_TS;
	opts.mss = mss;
	opts.wscale = wscale;
	opts.tsval = 5000;
	return opts;
}

#endif
