/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * AArch64 has no CPUID instruction: every function is refused, so the
 * cpuid command fails and "cpuid/..." settings are empty, as scripts
 * written for x86 expect on other machines.
 */

#include <errno.h>
#include <wireboot/cpuid.h>

int cpu_cpuid(uint32_t leaf, uint32_t subleaf, uint32_t regs[4])
{
	(void)leaf;
	(void)subleaf;
	(void)regs;
	return -ENOTSUP;
}
