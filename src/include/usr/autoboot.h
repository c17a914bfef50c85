/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef USR_AUTOBOOT_H
#define USR_AUTOBOOT_H

/*
 * Network boot without a script: DHCP on every network device at once, then
 * the boot file named by the first device whose answer names one (from the
 * ProxyDHCP server if there is one), fetched and executed; a PXE boot
 * menu instead of a file leads through boot server discovery to one.
 */

int autoboot(void);

#endif
