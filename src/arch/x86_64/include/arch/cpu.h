/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef ARCH_CPU_H
#define ARCH_CPU_H

/* x86-64 specifics used by the platform layers. */

#include <stdint.h>

/* The time-stamp counter: constant-rate on every CPU and hypervisor that
 * runs UEFI x86-64 firmware, so it serves as the monotonic clock's source. */
static inline uint64_t cpu_timestamp(void)
{
	uint32_t low, high;

	__asm__ __volatile__("rdtsc" : "=a"(low), "=d"(high));
	return ((uint64_t)high << 32) | low;
}

/* The counter's rate in Hz when the CPU tells it; 0: calibrate it. */
static inline uint64_t cpu_timestamp_hz(void)
{
	return 0;
}

static inline void cpu_relax(void)
{
	__asm__ __volatile__("pause");
}

#endif
