/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef USR_IFMGMT_H
#define USR_IFMGMT_H

/*
 * Network interface management for people and scripts: opening devices and
 * configuring them by DHCP, on one device or on several at once.
 */

#include <stdbool.h>
#include <wireboot/netdev.h>

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

#endif
