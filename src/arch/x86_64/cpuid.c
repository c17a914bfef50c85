/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * CPUID on x86 (wireboot/cpuid.h); i386 compiles this file as it is. Every
 * CPU that runs UEFI has the instruction; function 0 (or 0x80000000 for
 * the extended range) tells the highest function of its range.
 */

#include <errno.h>
#include <wireboot/cpuid.h>

static void raw_cpuid(uint32_t leaf, uint32_t subleaf, uint32_t regs[4])
{
	__asm__ __volatile__("cpuid"
			     : "=a"(regs[CPUID_EAX]), "=b"(regs[CPUID_EBX]),
			       "=c"(regs[CPUID_ECX]), "=d"(regs[CPUID_EDX])
			     : "a"(leaf), "c"(subleaf));
}

int cpu_cpuid(uint32_t leaf, uint32_t subleaf, uint32_t regs[4])
{
	uint32_t range = leaf & 0x80000000u;

	raw_cpuid(range, 0, regs);
	if (leaf > regs[CPUID_EAX] || (range && regs[CPUID_EAX] < range))
		return -ENOTSUP;
	raw_cpuid(leaf, subleaf, regs);
	return 0;
}
