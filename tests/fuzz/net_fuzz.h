/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef TESTS_NET_FUZZ_H
#define TESTS_NET_FUZZ_H

/*
 * Shared set-up of the network stack's fuzz targets: one configured fake
 * device (10.0.0.2/24) with a UDP socket on port 69 that takes whatever
 * arrives, and a clock that moves on so that timers fire.
 */

#include "net_harness.h"

static struct net_device *fuzz_netdev(void)
{
	static struct net_device *netdev;
	static struct udp_endpoint sink;

	if (!netdev) {
		netdev = fake_netdev();
		configure(netdev);
		if (endpoint_open(&sink, 69, NULL, NULL) != 0)
			abort();
	}
	captured_count = 0;
	return netdev;
}

/* Moves time on by seconds and runs the main loop, which fires what
 * expired. */
static void fuzz_advance(unsigned seconds)
{
	unsigned i;

	fake_now_us += (uint64_t)seconds * 1000000;
	for (i = 0; i < 8; i++)
		wb_step();
}

#endif
