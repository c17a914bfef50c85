/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef USR_VLANMGMT_H
#define USR_VLANMGMT_H

/* VLAN devices for people and scripts (see net/vlan.h), saying what was
 * made or why not. */

#include <wireboot/netdev.h>

int vcreate(struct net_device *trunk, unsigned tag, unsigned priority);
int vdestroy(struct net_device *netdev);

#endif
