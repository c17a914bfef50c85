/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/netdev_health_check.c
/*
 * The network device health check's observation (src/core/
 * netdev_health_check.c) on counters moved by hand: a healthy device is
 * never reported; no link, no frame received while sending, and failing
 * transmits are, once they last the timeout and not before; a frame
 * received clears the receive condition for good (later silence is the
 * network's); a timeout of 0 reports nothing.
 */

#include <stdint.h>
#include <wireboot/netdev_health.h>
#include "unit.h"

void wb_netdev_health_start(struct netdev_health *health,
			    const struct net_device_stats *stats, uint64_t now);
const char *wb_netdev_health_check(struct netdev_health *health,
				   const struct net_device_stats *stats,
				   bool link_ok, uint64_t now, uint64_t timeout_us);

#define S 1000000ull
#define TIMEOUT (5 * S)
#define T0 (1000 * S)		/* the clock is never 0 in use */

static struct netdev_health health;
static struct net_device_stats stats;

static void start(void)
{
	stats = (struct net_device_stats){ 0 };
	wb_netdev_health_start(&health, &stats, T0);
}

static const char *check_at(uint64_t t, bool link)
{
	return wb_netdev_health_check(&health, &stats, link, T0 + t, TIMEOUT);
}

static void test_healthy_device(void)
{
	uint64_t t;

	start();
	for (t = 0; t < 60 * S; t += S / 5) {
		stats.tx_ok++;
		if (t % S == 0)
			stats.rx_ok++;
		CHECK_STR(check_at(t, true), NULL);
	}
	/* Nothing sent, nothing received: an idle device is no failure. */
	start();
	CHECK_STR(check_at(0, true), NULL);
	CHECK_STR(check_at(600 * S, true), NULL);
}

static void test_no_link(void)
{
	start();
	CHECK_STR(check_at(0, false), NULL);
	CHECK_STR(check_at(TIMEOUT - 1, false), NULL);
	CHECK_STR(check_at(TIMEOUT, false), "no link");
	/* Up after a while, then lost: the timeout counts from the loss. */
	start();
	CHECK_STR(check_at(2 * S, true), NULL);
	CHECK_STR(check_at(10 * S, false), NULL);
	CHECK_STR(check_at(10 * S + TIMEOUT - 1, false), NULL);
	CHECK_STR(check_at(10 * S + TIMEOUT, false), "no link");
}

static void test_nothing_received_while_sending(void)
{
	start();
	CHECK_STR(check_at(S, true), NULL);
	/* The clock starts with the first frame sent, at 2 s. */
	stats.tx_ok++;
	CHECK_STR(check_at(2 * S, true), NULL);
	stats.tx_ok += 5;
	CHECK_STR(check_at(2 * S + TIMEOUT - 1, true), NULL);
	CHECK_STR(check_at(2 * S + TIMEOUT, true), "no frame received");
}

static void test_received_frame_proves_the_receive_side(void)
{
	start();
	stats.tx_ok++;
	CHECK_STR(check_at(S, true), NULL);
	stats.rx_ok++;
	CHECK_STR(check_at(2 * S, true), NULL);
	/* Sending on into silence: ARP for an absent host, say. */
	stats.tx_ok += 10;
	CHECK_STR(check_at(3 * S, true), NULL);
	CHECK_STR(check_at(60 * S, true), NULL);
	/* Reopened: it has to prove itself again. */
	start();
	stats.tx_ok++;
	CHECK_STR(check_at(S, true), NULL);
	CHECK_STR(check_at(S + TIMEOUT, true), "no frame received");
}

static void test_failing_transmits(void)
{
	start();
	stats.rx_ok++;
	CHECK_STR(check_at(0, true), NULL);
	stats.tx_errors++;
	CHECK_STR(check_at(S, true), NULL);
	stats.tx_errors++;
	CHECK_STR(check_at(S + TIMEOUT - 1, true), NULL);
	CHECK_STR(check_at(S + TIMEOUT, true), "transmits failing");
	/* One success clears it; errors later start a new count. */
	start();
	stats.rx_ok++;
	stats.tx_errors++;
	CHECK_STR(check_at(S, true), NULL);
	stats.tx_ok++;
	CHECK_STR(check_at(3 * S, true), NULL);
	CHECK_STR(check_at(S + TIMEOUT, true), NULL);
	stats.tx_errors++;
	CHECK_STR(check_at(10 * S, true), NULL);
	CHECK_STR(check_at(10 * S + TIMEOUT, true), "transmits failing");
}

static void test_zero_timeout_reports_nothing(void)
{
	start();
	stats.tx_ok++;
	stats.tx_errors++;
	CHECK_STR(wb_netdev_health_check(&health, &stats, false, T0, 0), NULL);
	CHECK_STR(wb_netdev_health_check(&health, &stats, false, T0 + 3600 * S, 0), NULL);
	/* ... and the conditions were still followed meanwhile. */
	CHECK_STR(check_at(3600 * S, false), "no link");
}

int main(void)
{
	test_healthy_device();
	test_no_link();
	test_nothing_received_while_sending();
	test_received_frame_proves_the_receive_side();
	test_failing_transmits();
	test_zero_timeout_reports_nothing();
	return unit_finish();
}
