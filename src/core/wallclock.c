/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The wall clock (see wireboot/wallclock.h). A correction is a difference
 * to the platform's clock, not a value to count on from, so the time keeps
 * the platform clock's steady rate; on a platform without one the
 * monotonic clock counts on from the time set.
 */

#include <errno.h>
#include <string.h>
#include <wireboot/settings.h>
#include <wireboot/timer.h>
#include <wireboot/wallclock.h>

PROVIDE_OBJECT(wallclock);

static bool corrected;
static int64_t correction;	/* added to the platform's clock */
static bool monotonic_based;	/* no platform clock: added to uptime */

static int64_t uptime_s(void)
{
	return (int64_t)(monotonic_us() / 1000000);
}

int64_t wallclock_now(void)
{
	int64_t now;

	if (monotonic_based)
		return uptime_s() + correction;
	if (platform_wallclock(&now) != 0)
		return 0;
	return now + correction;
}

void wallclock_set(int64_t seconds)
{
	int64_t now;

	monotonic_based = platform_wallclock(&now) != 0;
	if (monotonic_based)
		now = uptime_s();
	correction = seconds - now;
	corrected = true;
}

bool wallclock_is_set(void)
{
	return corrected;
}

/* ${unixtime}: now, in seconds since 1970, as scripts know it. */
static int fetch_unixtime(struct settings *block, void *buf, size_t len)
{
	uint64_t now = (uint64_t)wallclock_now();
	uint8_t raw[8];
	unsigned i;

	if (block != &global_settings)
		return -ENOENT;
	for (i = 0; i < sizeof(raw); i++)
		raw[i] = (uint8_t)(now >> (56 - 8 * i));
	memcpy(buf, raw, len < sizeof(raw) ? len : sizeof(raw));
	return sizeof(raw);
}

BUILTIN_SETTING(unixtime_setting) = {
	.name = "unixtime", .type = SETTING_UINT, .fetch = fetch_unixtime,
};

static bool leap_year(unsigned year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int wallclock_from_civil(int64_t *seconds, unsigned year, unsigned month,
			 unsigned day, unsigned hour, unsigned minute,
			 unsigned second)
{
	static const unsigned short days_before[12] = {
		0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334,
	};
	static const unsigned char month_days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
	};
	int64_t days;
	unsigned y;

	if (year < 1970 || year > 9999 || month < 1 || month > 12 ||
	    day < 1 || hour > 23 || minute > 59 || second > 60)
		return -EINVAL;
	if (day > month_days[month - 1] +
		  (month == 2 && leap_year(year) ? 1u : 0u))
		return -EINVAL;
	/* Days of the whole years since 1970, then of this year. */
	days = (int64_t)(year - 1970) * 365;
	for (y = 1972; y < year; y += 4)
		days += leap_year(y);
	days += days_before[month - 1] + (month > 2 && leap_year(year)) +
		day - 1;
	*seconds = ((days * 24 + hour) * 60 + minute) * 60 + second;
	return 0;
}
