#ifndef ARCH_CPU_H
#define ARCH_CPU_H

/* i386 specifics used by the platform layers: the same time-stamp counter
 * as on x86-64 (every CPU with IA32 UEFI firmware has one). */

#include <stdint.h>

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

/* "pause" is encoded as "rep; nop": older CPUs run it as a plain nop. */
static inline void cpu_relax(void)
{
	__asm__ __volatile__("pause");
}

#endif
