/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef ARCH_IO_H_I386
#define ARCH_IO_H_I386

/* i386 accesses device registers exactly as x86-64 does (the same
 * instructions; the inline assembly names no 64-bit register). */

#include "../../../x86_64/include/arch/io.h"

#endif
