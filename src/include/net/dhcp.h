/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_DHCP_H
#define NET_DHCP_H

/*
 * DHCPv4 with the PXE client options, as a job: start_dhcp() runs the
 * exchange on one device (DISCOVER, OFFER(s) incl. ProxyDHCP, REQUEST,
 * ACK) and closes the job interface when bound (0) or failed. What the
 * server said lands in the device's "netN.dhcp" settings block (ip,
 * netmask, gateway, dns, domain, filename, next-server, ...), and the
 * settings applicators configure the device from it.
 *
 * Any number of sessions run at once, one per device; closing the job
 * cancels a session.
 */

#include <stdbool.h>
#include <stddef.h>
#include <wireboot/interface.h>
#include <wireboot/netdev.h>

int start_dhcp(struct interface *job, struct net_device *netdev);

/* The DHCPACK of the device's last lease (proxy: the ProxyDHCP answer that
 * came with it) as received, *len its length; NULL if there is none. */
const void *dhcp_last_message(struct net_device *netdev, bool proxy,
			      size_t *len);

#endif
