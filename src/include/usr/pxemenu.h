/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef USR_PXEMENU_H
#define USR_PXEMENU_H

/*
 * The PXE boot menu (PXE specification 2.1, section 2.2.5: option 43
 * sub-options 9 and 10) of a device's last DHCP or ProxyDHCP answer, as
 * autoboot offers it before boot server discovery.
 */

#include <stdbool.h>
#include <stdint.h>
#include <wireboot/netdev.h>

/* Whether the answer has a boot menu. */
bool pxe_menu_offered(struct net_device *netdev);

/*
 * Shows the menu prompt and waits its timeout: F8 opens the menu, the
 * timeout takes the first item (a timeout of 0: at once; 255: until a
 * key). With no prompt the menu opens at once. 0 and *type for the
 * chosen item's boot server type; -ECANCELED for Esc or Ctrl-C;
 * -ENOENT without a menu.
 */
int pxe_menu_choose(struct net_device *netdev, uint16_t *type);

#endif
