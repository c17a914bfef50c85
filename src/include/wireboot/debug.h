/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_DEBUG_H
#define WIREBOOT_DEBUG_H

/*
 * Per-file debug output. The build defines DBGLVL for the objects named in
 * DEBUG=obj[:level],... (level 1 if not given); everywhere else it is 0 and
 * the messages compile away entirely.
 *   DBG(...)     level >= 1: what happens (state changes, errors)
 *   DBG2(...)    level >= 2: details (every packet, register values)
 */

#include <stdio.h>

#ifndef DBGLVL
#define DBGLVL 0
#endif

#define DBG_AT(level, ...)                                                   \
	do {                                                                 \
		if (DBGLVL >= (level))                                       \
			printf(__VA_ARGS__);                                 \
	} while (0)

#define DBG(...) DBG_AT(1, __VA_ARGS__)
#define DBG2(...) DBG_AT(2, __VA_ARGS__)

#endif
