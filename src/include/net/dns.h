/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_DNS_H
#define NET_DNS_H

/*
 * DNS resolution against the servers in the "dns" setting (one or
 * several), with the search domains of "domain" and DHCP option 119 and a
 * cache (net/dns_cache.h). It is a resolver of net/resolv.h: asynchronous,
 * started from anywhere (a receive path included), the answer coming
 * through the caller's interface. The record type asked for follows the
 * address family wanted (struct sockaddr_family's dns_type). There is no
 * call to make here: resolv() finds it.
 */

#endif
