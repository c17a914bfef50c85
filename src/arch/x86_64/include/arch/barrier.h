/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef ARCH_BARRIER_H
#define ARCH_BARRIER_H

/*
 * Memory barriers between the CPU's accesses to DMA memory and a device's
 * view of them (descriptor rings, doorbells):
 *   wmb()  stores before it are visible before stores after it
 *   rmb()  loads after it see at least what loads before it saw
 *   mb()   both, and stores before loads
 * x86-64 always has SSE2's fences.
 */

#define wmb() __asm__ __volatile__("sfence" ::: "memory")
#define rmb() __asm__ __volatile__("lfence" ::: "memory")
#define mb() __asm__ __volatile__("mfence" ::: "memory")

#endif
