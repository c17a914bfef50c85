/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_CPUID_H
#define WIREBOOT_CPUID_H

/*
 * The x86 CPUID instruction, for the cpuid command and the "cpuid/..."
 * settings scope (src/core/cpuid_settings.c). The architecture provides
 * it: x86 asks the CPU, and refuses a function beyond the highest the CPU
 * reports for its range (basic 0x0000xxxx, extended 0x8000xxxx); an
 * architecture without CPUID refuses every function.
 */

#include <stdint.h>

enum { CPUID_EAX, CPUID_EBX, CPUID_ECX, CPUID_EDX };

/* regs[CPUID_EAX..CPUID_EDX] of function leaf, subfunction subleaf.
 * Returns 0 or -ENOTSUP. */
int cpu_cpuid(uint32_t leaf, uint32_t subleaf, uint32_t regs[4]);

#endif
