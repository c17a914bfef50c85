/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef USR_IFMGMT_H
#define USR_IFMGMT_H

/*
 * Network interface management for people and scripts: opening devices and
 * configuring them (DHCP, IPv6, DHCPv6: net/configurator.h), on one device
 * or on several at once.
 */

#include <stdbool.h>
#include <net/configurator.h>
#include <wireboot/netdev.h>

/*
 * Runs every configurator of configurators[0..n) on every device of
 * devices[0..count) at once, printing a line per attempt as it finishes
 * ("IPv6 (net0 52:54:00:12:34:56) ok (1.02 s)"). Returns as soon as one
 * succeeds and accept() (NULL: any) takes its device, cancelling the
 * others; *bound (if given) is that device. Otherwise the error of the
 * last to fail, or -ECANCELED.
 */
int ifconf(struct net_device **devices, unsigned count,
	   const struct net_configurator *const *configurators, unsigned n,
	   bool (*accept)(struct net_device *netdev),
	   struct net_device **bound);

/* The same on every registered device, with one configurator, or (NULL)
 * with every one that autoboot runs: IPv4 and IPv6 side by side. */
int ifconf_all(const struct net_configurator *configurator,
	       bool (*accept)(struct net_device *netdev),
	       struct net_device **bound);

/* DHCPv4 alone (the "dhcp" configurator). */
int ifconf_dhcp(struct net_device **devices, unsigned count,
		bool (*accept)(struct net_device *netdev),
		struct net_device **bound);

int ifconf_dhcp_all(bool (*accept)(struct net_device *netdev),
		    struct net_device **bound);

/* Opens a device, saying why when it cannot. */
int ifopen(struct net_device *netdev);

#endif
