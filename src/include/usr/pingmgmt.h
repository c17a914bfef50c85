/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef USR_PINGMGMT_H
#define USR_PINGMGMT_H

/*
 * Pinging for people and scripts: a line per reply ("64 bytes from
 * 10.0.2.2: seq=1") or per request that got none, a summary at the end,
 * Ctrl-C to stop.
 */

#include <stddef.h>
#include <stdint.h>

/* Pings host (a name or an address) count times (0: until Ctrl-C), len
 * data bytes each, waiting timeout_ms for each reply. Returns 0 when at
 * least one reply came back, else the error. */
int ping(const char *host, unsigned timeout_ms, size_t len, unsigned count);

#endif
