/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Time for the hosted program: the kernel's monotonic clock. */

#include <errno.h>
#include <time.h>
#include <wireboot/timer.h>

static uint64_t clock_us(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (uint64_t)now.tv_sec * 1000000 + (uint64_t)now.tv_nsec / 1000;
}

uint64_t monotonic_us(void)
{
	static uint64_t start_us;

	if (!start_us)
		start_us = clock_us();
	return clock_us() - start_us;
}

/* A process need not spin: sleeping gives the same guarantee. */
void udelay(unsigned long microseconds)
{
	struct timespec delay = {
		.tv_sec = (time_t)(microseconds / 1000000),
		.tv_nsec = (long)(microseconds % 1000000) * 1000,
	};

	while (nanosleep(&delay, &delay) != 0 && errno == EINTR)
		;
}
