#ifndef TESTS_NET_FUZZ_H
#define TESTS_NET_FUZZ_H

/*
 * Shared set-up of the network stack's fuzz targets: one configured fake
 * device (10.0.0.2/24) with a UDP connection on port 69 that takes whatever
 * arrives, and a clock that moves on so that timers fire.
 */

#include "net_harness.h"

static void sink_rx(struct udp_conn *conn, struct io_buffer *iob,
		    const struct sockaddr_in *src,
		    const struct sockaddr_in *dest, struct net_device *netdev)
{
	(void)conn;
	(void)src;
	(void)dest;
	(void)netdev;
	wb_free_iob(iob);
}

static const struct udp_operations sink_operations = { .rx = sink_rx };

static struct net_device *fuzz_netdev(void)
{
	static struct net_device *netdev;
	static struct udp_conn conn;

	if (!netdev) {
		netdev = fake_netdev();
		configure(netdev);
		wb_udp_open(&conn, &sink_operations, 69, NULL, NULL);
	}
	captured_count = 0;
	return netdev;
}

/* Moves time on by seconds and fires what expired. */
static void fuzz_advance(unsigned seconds)
{
	unsigned i;

	fake_now_us += (uint64_t)seconds * 1000000;
	for (i = 0; i < 8; i++)
		wb_run_timers();
}

#endif
