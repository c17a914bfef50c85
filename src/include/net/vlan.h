/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_VLAN_H
#define NET_VLAN_H

/*
 * 802.1Q VLAN devices: a network device stacked on another's link layer
 * (the trunk), named after it ("net0-42"), with the trunk's MAC address.
 * Frames it sends are tagged and go out through the trunk; tagged frames
 * the trunk receives for it arrive untagged, as from a NIC of its own, so
 * every protocol (DHCP included) runs on it unchanged.
 */

#include <stdbool.h>
#include <wireboot/netdev.h>

/* Creates and registers the VLAN tag (1-4094, priority 0-7) on trunk:
 * -EEXIST if it exists, -EINVAL for a bad tag or priority, -ENOTSUP for
 * a trunk that is itself a VLAN. */
int vlan_create(struct net_device *trunk, unsigned tag, unsigned priority,
		struct net_device **vlan);
/* Removes a VLAN device: -ENODEV for a device that is not one. */
int vlan_destroy(struct net_device *netdev);
/* The VLAN's tag, or 0 for a device that is not a VLAN. */
unsigned vlan_tag(struct net_device *netdev);

#endif
