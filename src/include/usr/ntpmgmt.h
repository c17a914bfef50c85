/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef USR_NTPMGMT_H
#define USR_NTPMGMT_H

/* Setting the clock by NTP for people and scripts: a progress line, then
 * " ok" or why not. */

int ntp(const char *server);

#endif
