/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef ARCH_CPU_H
#define ARCH_CPU_H

/*
 * AArch64 specifics used by the platform layers. The monotonic clock is the
 * generic timer's virtual count (CNTVCT_EL0), which the architecture makes
 * constant-rate and readable at EL0 and above, at the rate in CNTFRQ_EL0
 * that firmware programs at reset.
 */

#include <stdint.h>

static inline uint64_t cpu_timestamp(void)
{
	uint64_t count;

	/* The ISB keeps the read from being taken ahead of earlier code. */
	__asm__ __volatile__("isb\n\tmrs %0, cntvct_el0" : "=r"(count) :: "memory");
	return count;
}

/* The counter's rate in Hz; 0 if firmware left CNTFRQ unset (calibrate). */
static inline uint64_t cpu_timestamp_hz(void)
{
	uint64_t hz;

	__asm__ __volatile__("mrs %0, cntfrq_el0" : "=r"(hz));
	return hz & 0xffffffff;
}

static inline void cpu_relax(void)
{
	__asm__ __volatile__("yield");
}

#endif
