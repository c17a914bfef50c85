#ifndef TESTS_FAKE_UDP_H
#define TESTS_FAKE_UDP_H

/*
 * A simulated network for the protocol tests (DHCP, TFTP, DNS): the UDP
 * calls of net/udp.h, a clock that moves only when the main loop runs, and
 * wait_for() as a loop that delivers queued datagrams, advances the clock
 * by 1 ms and fires the real retry timers. Each test supplies
 * fake_server(), which sees every datagram sent and may queue answers with
 * fake_reply().
 *
 * Whether the protocol objects call udp_open or wb_udp_open depends on
 * whether any unit test links the real udp.c (the global rename list), so
 * every fake is defined under both names.
 */

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <net/udp.h>
#include <wireboot/iobuf.h>
#include <wireboot/netdev.h>

#define WB_ALIAS(name) extern __typeof__(name) wb_##name __attribute__((alias(#name)))

struct io_buffer *wb_alloc_iob(size_t len);
struct io_buffer *wb_alloc_net_iob(size_t len);
void wb_free_iob(struct io_buffer *iob);
void wb_run_timers(void);

/* The platform's heap call that libc lacks. */
void *zalloc(size_t size)
{
	return calloc(1, size);
}

static uint64_t fake_now = 1000000;

uint64_t monotonic_us(void)
{
	return fake_now;
}

#define FAKE_MAX_CONNS 4
#define FAKE_MAX_QUEUE 256
/* A test that never ends would otherwise hang the suite. */
#define FAKE_WAIT_LIMIT_US 600000000ULL

static struct udp_conn *fake_conns[FAKE_MAX_CONNS];
static uint16_t fake_next_port = 50000;

struct fake_datagram {
	struct udp_conn *conn;
	uint8_t *data;
	size_t len;
	struct sockaddr_in src;
};
static struct fake_datagram fake_queue[FAKE_MAX_QUEUE];
static unsigned fake_queue_len;
static unsigned fake_sent_count;

/* Supplied by the test: called for every datagram the code sends. */
static void fake_server(struct udp_conn *conn, const uint8_t *data,
			size_t len, const struct sockaddr_in *dest);

__attribute__((unused)) static struct sockaddr_in fake_addr(uint32_t host_addr, uint16_t port)
{
	struct sockaddr_in sin = { .sin_family = AF_INET };

	sin.sin_addr.s_addr = htonl(host_addr);
	sin.sin_port = htons(port);
	return sin;
}

/* Queues a datagram for conn, delivered on the next pass of the loop. */
__attribute__((unused)) static void fake_reply(struct udp_conn *conn, const void *data, size_t len,
		       struct sockaddr_in src)
{
	struct fake_datagram *dgram;

	if (fake_queue_len == FAKE_MAX_QUEUE)
		return;
	dgram = &fake_queue[fake_queue_len++];
	dgram->conn = conn;
	dgram->data = malloc(len ? len : 1);
	memcpy(dgram->data, data, len);
	dgram->len = len;
	dgram->src = src;
}

__attribute__((unused)) static void fake_flush_queue(void)
{
	while (fake_queue_len)
		free(fake_queue[--fake_queue_len].data);
}

static bool fake_conn_open(struct udp_conn *conn)
{
	unsigned i;

	for (i = 0; i < FAKE_MAX_CONNS; i++) {
		if (fake_conns[i] == conn)
			return true;
	}
	return false;
}

/* Delivers the oldest queued datagram; false if none. */
static bool fake_deliver_one(void)
{
	struct fake_datagram dgram;
	struct sockaddr_in dest = { .sin_family = AF_INET };
	struct io_buffer *iob;

	if (!fake_queue_len)
		return false;
	dgram = fake_queue[0];
	memmove(&fake_queue[0], &fake_queue[1],
		--fake_queue_len * sizeof(fake_queue[0]));
	if (fake_conn_open(dgram.conn)) {
		iob = wb_alloc_iob(dgram.len);
		memcpy(iob_put(iob, dgram.len), dgram.data, dgram.len);
		dest.sin_port = dgram.conn->local_port;
		dgram.conn->op->rx(dgram.conn, iob, &dgram.src, &dest,
				   dgram.conn->netdev);
	}
	free(dgram.data);
	return true;
}

int udp_open(struct udp_conn *conn, const struct udp_operations *op,
	     uint16_t local_port, const struct sockaddr_in *peer,
	     struct net_device *netdev)
{
	unsigned i;

	for (i = 0; i < FAKE_MAX_CONNS; i++) {
		if (!fake_conns[i]) {
			fake_conns[i] = conn;
			conn->op = op;
			conn->local_port = htons(local_port ? local_port
							    : fake_next_port++);
			if (peer)
				conn->peer = *peer;
			else
				memset(&conn->peer, 0, sizeof(conn->peer));
			conn->netdev = netdev;
			return 0;
		}
	}
	return -98;	/* EADDRINUSE */
}
WB_ALIAS(udp_open);

void udp_close(struct udp_conn *conn)
{
	unsigned i;

	for (i = 0; i < FAKE_MAX_CONNS; i++) {
		if (fake_conns[i] == conn)
			fake_conns[i] = NULL;
	}
}
WB_ALIAS(udp_close);

void udp_connect(struct udp_conn *conn, const struct sockaddr_in *peer)
{
	conn->peer = *peer;
}
WB_ALIAS(udp_connect);

int udp_tx(struct udp_conn *conn, struct io_buffer *iob,
	   const struct sockaddr_in *dest)
{
	const struct sockaddr_in *to = dest ? dest : &conn->peer;

	fake_sent_count++;
	fake_server(conn, iob->data, iob_len(iob), to);
	wb_free_iob(iob);
	return 0;
}
WB_ALIAS(udp_tx);

struct io_buffer *udp_alloc_iob(size_t len)
{
	return wb_alloc_net_iob(len);
}
WB_ALIAS(udp_alloc_iob);

/* The main loop as the protocols see it (see process.h). */
int wait_for(bool (*done)(void *context), void *context, uint64_t timeout_us)
{
	uint64_t start = fake_now;

	while (!done(context)) {
		if (!fake_deliver_one()) {
			fake_now += 1000;
			wb_run_timers();
		}
		if (fake_now - start > FAKE_WAIT_LIMIT_US ||
		    (timeout_us && fake_now - start >= timeout_us))
			return -110;	/* ETIMEDOUT */
	}
	return 0;
}
WB_ALIAS(wait_for);

/* Runs the loop for a while without a completion condition. */
__attribute__((unused)) static void fake_run(uint64_t duration_us)
{
	uint64_t end = fake_now + duration_us;

	while (fake_now < end) {
		if (!fake_deliver_one()) {
			fake_now += 1000;
			wb_run_timers();
		}
	}
}

#endif
