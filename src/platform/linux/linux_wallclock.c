/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The hosted program's wall clock: the host's, off by --clock-offset
 * seconds to play a machine whose real-time clock is wrong. */

#include <time.h>
#include <wireboot/wallclock.h>
#include "linux.h"

int platform_wallclock(int64_t *seconds)
{
	*seconds = (int64_t)time(NULL) + linux_options.clock_offset;
	return 0;
}
