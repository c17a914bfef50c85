/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_NETDEV_HEALTH_H
#define WIREBOOT_NETDEV_HEALTH_H

/*
 * The health check of open devices with a fallback (core/netdev_health.c).
 * The observation itself is a pure function of the device's counters and
 * the time, so that unit tests can drive it.
 */

#include <stdbool.h>
#include <stdint.h>
#include <wireboot/netdev.h>

#define NETDEV_FALLBACK_TIMEOUT_SETTING "netdev-fallback-timeout"
/* Seconds, when the setting is unset. */
#define NETDEV_FALLBACK_TIMEOUT_DEFAULT 5

struct netdev_health {
	bool open;
	unsigned rx_ok, tx_ok, tx_errors;	/* the counters last seen */
	bool received;			/* a frame since it opened */
	/* When each failing condition began (monotonic µs), 0: it does
	 * not hold. */
	uint64_t no_link_since, unanswered_since, failing_since;
};

/* The device opened at now. */
void netdev_health_start(struct netdev_health *health,
			 const struct net_device_stats *stats, uint64_t now);
/* Takes in the counters and the link at now; returns what has failed for
 * timeout_us ("no link", "no frame received", "transmits failing"), or
 * NULL if nothing has (always NULL when timeout_us is 0). */
const char *netdev_health_check(struct netdev_health *health,
				const struct net_device_stats *stats,
				bool link_ok, uint64_t now, uint64_t timeout_us);

#endif
