/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_DNS_H
#define NET_DNS_H

/*
 * DNS A-record resolution against the server in the "dns" setting. It is
 * a resolver of net/resolv.h: asynchronous, started from anywhere (a
 * receive path included), the answer coming through the caller's
 * interface. There is no call to make here: resolv() finds it.
 */

#endif
