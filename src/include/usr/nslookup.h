/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef USR_NSLOOKUP_H
#define USR_NSLOOKUP_H

/*
 * Name lookup for people and scripts: resolves a name (a number, or by
 * DNS) and stores the address in a setting, so that a script can use
 * ${name} where it needs the address.
 */

#include <net/socket.h>

/* Resolves name into *sa (waiting; Ctrl-C cancels); says why when it
 * cannot. */
int resolve_name(const char *name, struct sockaddr *sa);

/* Resolves name and stores its address in the setting setting_name (as
 * an ipv4 value for an IPv4 address, else as text). Says why when it
 * cannot. */
int nslookup(const char *setting_name, const char *name);

#endif
