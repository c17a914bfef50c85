/* SPDX-License-Identifier: GPL-2.0-or-later */
/* CPUID on i386: the x86-64 source serves both, compiled here as it is. */

#include "../x86_64/cpuid.c"
