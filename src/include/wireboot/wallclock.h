/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_WALLCLOCK_H
#define WIREBOOT_WALLCLOCK_H

/*
 * The wall clock: seconds since 1970-01-01 00:00 UTC, for what needs the
 * date (certificate validity, logs). The platform supplies its clock (the
 * firmware's real-time clock, or the host's); a protocol that knows better
 * (NTP) corrects it with wallclock_set(), and the correction holds from
 * then on.
 */

#include <stdbool.h>
#include <stdint.h>

/* Now, corrected; 0 when there is no platform clock and nothing set
 * the time. */
int64_t wallclock_now(void);

/* Sets now to seconds (the platform's clock is left alone: the
 * difference is kept). */
void wallclock_set(int64_t seconds);

/* Whether a protocol has set the time since start-up. */
bool wallclock_is_set(void);

/* The seconds since 1970 of a UTC date and time, or -EINVAL (date) for
 * one that does not exist (month 13, February 30, a year before 1970). */
int wallclock_from_civil(int64_t *seconds, unsigned year, unsigned month,
			 unsigned day, unsigned hour, unsigned minute,
			 unsigned second);

/* Platform: its clock now (seconds since 1970, UTC), or a negative error
 * when it has none. */
int platform_wallclock(int64_t *seconds);

#endif
