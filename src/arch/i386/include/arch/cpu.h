/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef ARCH_CPU_H_I386
#define ARCH_CPU_H_I386

/* i386 specifics used by the platform layers: exactly those of x86-64 (the
 * time-stamp counter, which every CPU with IA32 UEFI firmware has, and
 * "pause", which older CPUs run as the "rep; nop" it is encoded as). The
 * inline assembly there names no 64-bit register, so it serves both. */

#include "../../../x86_64/include/arch/cpu.h"

#endif
