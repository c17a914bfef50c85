/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_DHCPV6_H
#define NET_DHCPV6_H

/*
 * DHCPv6 (RFC 8415) with the PXE options of RFC 5970, as a job on one
 * device: stateful (SOLICIT, ADVERTISE, REQUEST, REPLY: an address of an
 * IA_NA, tested by NDP before use) or stateless (INFORMATION-REQUEST,
 * REPLY: just the other configuration). What the server said lands in
 * the device's "netN.dhcpv6" block: ip6, len6, dns6, domain, filename
 * (the boot file URL), bootfile-params. The exchange starts once the
 * device's link-local address is tested, from which it is sent.
 */

#include <stdbool.h>
#include <wireboot/interface.h>
#include <wireboot/netdev.h>

int start_dhcpv6(struct interface *job, struct net_device *netdev,
		 bool stateful);

#endif
