/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef USR_IFMGMT_H
#define USR_IFMGMT_H

/*
 * Network interface management for people and scripts: opening devices and
 * configuring them by DHCP, on one device or on several at once.
 */

#include <stdbool.h>
#include <wireboot/netdev.h>
#include <wireboot/tables.h>

/*
 * Runs DHCP on every device in devices[0..count) at once, printing a line
 * per device as it finishes. Returns as soon as one is bound and accept()
 * (NULL: any lease) takes it, cancelling the others; *bound (if given) is
 * that device. Otherwise the error of the last to fail, or -ECANCELED.
 */
int ifconf_dhcp(struct net_device **devices, unsigned count,
		bool (*accept)(struct net_device *netdev),
		struct net_device **bound);

/* The same on every registered device. */
int ifconf_dhcp_all(bool (*accept)(struct net_device *netdev),
		    struct net_device **bound);

/* Opens a device, saying why when it cannot. */
int ifopen(struct net_device *netdev);
/* Closes a device. */
void ifclose(struct net_device *netdev);
/* Prints a device's state: MAC, driver, link, counters and why
 * transmits and receives failed. */
void ifstat(struct net_device *netdev);

/*
 * Ways of configuring devices ("ifconf --configurator dhcp"): each takes
 * the devices to configure at once and returns 0 when one of them is
 * configured. DHCP is one; others (IPv6 autoconfiguration) plug in.
 */
struct net_configurator {
	const char *name;
	int (*configure)(struct net_device **devices, unsigned count);
};
TABLE_DECLARE(const struct net_configurator, net_configurators);
#define NET_CONFIGURATOR(name) \
	const struct net_configurator name TABLE_ENTRY(const struct net_configurator, net_configurators, 01)

/* Configures the devices (count 0: every device) with the configurator
 * named (NULL: each in turn until one succeeds). */
int ifconf(struct net_device **devices, unsigned count, const char *name);

#endif
