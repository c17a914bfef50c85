/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The health check of open network devices that have a fallback (another
 * driver for the same NIC, see struct netdev_fallback in wireboot/netdev.h).
 *
 * A native driver can fail where the firmware's works: a chip revision it
 * does not know, a PHY it cannot bring up, an emulator's model it reads
 * wrong. What it then looks like from here is one of
 *   no link               for the whole time since the device opened;
 *   no frame received     since it opened, while frames were sent
 *                         (DHCP, the first thing run on a device, is
 *                         answered), counted from the first frame sent;
 *                         once one frame came in, the receive side has
 *                         proven itself: later silence may just be a
 *                         network that does not answer (ARP for an
 *                         absent host), not a reason to switch drivers;
 *   transmits failing     errors and no success.
 * Any of them lasting netdev-fallback-timeout seconds (0: never) hands the
 * device over. Only counters are watched, so no driver knows of this; the
 * observation itself is netdev_health_check.c.
 *
 * It runs as a permanent process looking a few times a second, not as a
 * timer per device: one clock read per main-loop pass costs nothing, and
 * a device that goes away needs nothing cancelled.
 */

#include <stdio.h>
#include <wireboot/netdev.h>
#include <wireboot/netdev_health.h>
#include <wireboot/process.h>
#include <wireboot/settings.h>
#include <wireboot/timer.h>

PROVIDE_OBJECT(netdev_health);

#define CHECK_INTERVAL_US 200000
#define US_PER_S 1000000u

SETTING_DEFINITION(netdev_fallback_timeout_setting) = {
	.name = NETDEV_FALLBACK_TIMEOUT_SETTING, .type = SETTING_UINT
};

extern const struct net_driver netdev_health_driver;

static void health_notify(struct net_device *netdev, void *priv)
{
	struct netdev_health *health = priv;

	/* Opened (or reopened): every observation starts over. */
	if (netdev->is_open && !health->open)
		netdev_health_start(health, &netdev->stats, monotonic_us());
	health->open = netdev->is_open;
}

NET_DRIVER(netdev_health_driver) = {
	.name = "health",
	.priv_len = sizeof(struct netdev_health),
	.notify = health_notify,
};

/* The setting in microseconds; unset: the default. */
static uint64_t fallback_timeout_us(void)
{
	uint8_t raw[8];
	uint64_t seconds = 0;
	int len, i;

	len = fetch_setting(NULL, NETDEV_FALLBACK_TIMEOUT_SETTING, raw,
			    sizeof(raw), NULL);
	if (len <= 0 || len > (int)sizeof(raw))
		return NETDEV_FALLBACK_TIMEOUT_DEFAULT * (uint64_t)US_PER_S;
	for (i = 0; i < len; i++)
		seconds = seconds << 8 | raw[i];
	/* Beyond a day means never in practice; keeps the product small. */
	if (seconds > 86400)
		seconds = 86400;
	return seconds * US_PER_S;
}

static void netdev_health_step(void)
{
	static uint64_t last;
	struct net_device *netdev, *next;
	uint64_t now = monotonic_us(), timeout_us;
	char reason[48];
	const char *failed;

	if (now - last < CHECK_INTERVAL_US)
		return;
	last = now;
	timeout_us = fallback_timeout_us();
	list_for_each_entry_safe(netdev, next, &net_devices, list) {
		if (!netdev->is_open || !netdev->fallback)
			continue;
		failed = netdev_health_check(
			netdev_priv(netdev, &netdev_health_driver),
			&netdev->stats, netdev_link_ok(netdev), now, timeout_us);
		if (!failed)
			continue;
		snprintf(reason, sizeof(reason), "%s in %u s", failed,
			 (unsigned)(timeout_us / US_PER_S));
		/* The hand-over changes the list: look again next time. */
		netdev->fallback->hand_over(netdev->fallback, netdev, reason);
		return;
	}
}

PERMANENT_PROCESS(netdev_health_process) = {
	.step = netdev_health_step,
};
