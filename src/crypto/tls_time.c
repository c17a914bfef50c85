/* SPDX-License-Identifier: GPL-2.0-or-later */
/* wolfSSL's clock (XTIME in user_settings.h): the wall clock, which the
 * firmware's real-time clock starts and NTP may correct, for certificate
 * validity. */

#include <wireboot/wallclock.h>

#include <wolfssl/wolfcrypt/settings.h>

long wireboot_tls_time(long *timer)
{
	long now = (long)wallclock_now();

	if (timer)
		*timer = now;
	return now;
}
