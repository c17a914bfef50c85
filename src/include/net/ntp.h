/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_NTP_H
#define NET_NTP_H

/*
 * An SNTP client (RFC 4330) as a job: asks a server (a name or an
 * address) for the time, repeating the question with back-off, and sets
 * the wall clock (wireboot/wallclock.h) from the answer, corrected by half
 * the round trip. The job closes with 0, or why not (ETIMEDOUT, a server
 * that refuses, the lookup's error) with the server's words as reason.
 */

#include <wireboot/interface.h>

int start_ntp(struct interface *job, const char *server);

#endif
