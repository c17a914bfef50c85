/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The health check's observation (see netdev_health.c for what it looks
 * for and why): a pure function of a device's counters, its link and the
 * time, apart from the process that feeds it, so unit tests drive it.
 */

#include <wireboot/netdev_health.h>

void netdev_health_start(struct netdev_health *health,
			 const struct net_device_stats *stats, uint64_t now)
{
	health->rx_ok = stats->rx_ok;
	health->tx_ok = stats->tx_ok;
	health->tx_errors = stats->tx_errors;
	health->received = false;
	health->no_link_since = now;
	health->unanswered_since = 0;
	health->failing_since = 0;
}

/* How long a condition has lasted, 0 if it does not hold now. */
static uint64_t lasted(uint64_t since, uint64_t now)
{
	return since ? now - since : 0;
}

const char *netdev_health_check(struct netdev_health *health,
				const struct net_device_stats *stats,
				bool link_ok, uint64_t now, uint64_t timeout_us)
{
	if (stats->rx_ok != health->rx_ok) {
		health->rx_ok = stats->rx_ok;
		health->received = true;
		health->unanswered_since = 0;
	}
	if (stats->tx_ok != health->tx_ok) {
		health->tx_ok = stats->tx_ok;
		health->failing_since = 0;
		if (!health->received && !health->unanswered_since)
			health->unanswered_since = now;
	}
	if (stats->tx_errors != health->tx_errors) {
		health->tx_errors = stats->tx_errors;
		if (!health->failing_since)
			health->failing_since = now;
	}
	if (link_ok)
		health->no_link_since = 0;
	else if (!health->no_link_since)
		health->no_link_since = now;
	if (!timeout_us)
		return NULL;
	if (lasted(health->no_link_since, now) >= timeout_us)
		return "no link";
	if (lasted(health->unanswered_since, now) >= timeout_us)
		return "no frame received";
	if (lasted(health->failing_since, now) >= timeout_us)
		return "transmits failing";
	return NULL;
}
