/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_TIMER_H
#define WIREBOOT_TIMER_H

/*
 * Time. The platform provides a monotonic microsecond clock; nothing relies
 * on interrupts, so waiting code polls it.
 */

#include <stdint.h>

/* Microseconds since an arbitrary point at start-up; never goes backwards. */
uint64_t monotonic_us(void);

/* Busy-waits; use only for short hardware delays, never to wait for I/O. */
void udelay(unsigned long microseconds);

static inline void mdelay(unsigned long milliseconds)
{
	udelay(milliseconds * 1000);
}

#endif
