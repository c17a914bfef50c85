/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef USR_IFMGMT_H
#define USR_IFMGMT_H

/*
 * Network interface management for people and scripts: opening devices and
 * configuring them (DHCP, IPv6, DHCPv6), on one device or on several at
 * once.
 */

#include <stdbool.h>
#include <net/config_protocol.h>
#include <wireboot/netdev.h>
#include <wireboot/tables.h>

/*
 * Runs every protocol of protocols[0..n) on every device of
 * devices[0..count) at once, printing a line per attempt as it finishes
 * ("IPv6 (net0 52:54:00:12:34:56) ok (1.02 s)"). Returns as soon as one
 * succeeds and accept() (NULL: any) takes its device, cancelling the
 * others; *bound (if given) is that device. Otherwise the error of the
 * last to fail, or -ECANCELED.
 */
int ifconf_protocols(struct net_device **devices, unsigned count,
		     const struct config_protocol *const *protocols, unsigned n,
		     bool (*accept)(struct net_device *netdev),
		     struct net_device **bound);

/* The same with DHCP alone. */
int ifconf_dhcp(struct net_device **devices, unsigned count,
		bool (*accept)(struct net_device *netdev),
		struct net_device **bound);

/* The same on every registered device. */
int ifconf_dhcp_all(bool (*accept)(struct net_device *netdev),
		    struct net_device **bound);
/* Every protocol autoboot runs (IPv4 and IPv6 side by side) on every
 * registered device. */
int ifconf_autoboot(bool (*accept)(struct net_device *netdev),
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
 * configured: "dhcp", "ipv6", "dhcpv6".
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
