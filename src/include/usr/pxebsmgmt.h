/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef USR_PXEBSMGMT_H
#define USR_PXEBSMGMT_H

/* PXE boot server discovery for people and scripts ("pxebs"). */

#include <wireboot/netdev.h>

/*
 * Asks the boot servers of type on netdev (NULL: the first device with a
 * DHCP lease), waiting with Ctrl-C, and says why it failed. 0 once the
 * "pxebs" settings block holds the answer.
 */
int pxebs(struct net_device *netdev, unsigned int type);

#endif
