/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_PXEBS_H
#define NET_PXEBS_H

/*
 * PXE boot server discovery (PXE specification 2.1, section 2.2.6) as a
 * job: after DHCP, start_pxebs() asks the boot servers of one type, as
 * the lease's (or ProxyDHCP answer's) option 43 directs, for their boot
 * file, and closes the job with 0 once one has answered. The answer lands
 * in the global "pxebs" settings block (filename, next-server and every
 * option by number), so scripts can "chain ${pxebs/filename}".
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <net/pxe_options.h>
#include <wireboot/interface.h>
#include <wireboot/netdev.h>

int start_pxebs(struct interface *job, struct net_device *netdev,
		uint16_t type);

/*
 * The PXE options (option 43) of netdev's last DHCP exchange: the
 * ProxyDHCP answer's, else the lease's, parsed into pxe, which points
 * into vendor (max bytes). False (pxe empty) when neither has valid ones.
 */
bool pxebs_last_options(struct net_device *netdev, void *vendor, size_t max,
			struct pxe_options *pxe);

#endif
