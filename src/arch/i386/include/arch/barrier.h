/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef ARCH_BARRIER_H
#define ARCH_BARRIER_H

/*
 * Memory barriers between the CPU's accesses to DMA memory and a device's
 * view of them (see the x86-64 header for what each promises).
 *
 * The fence instructions came with SSE and SSE2, which an IA32 UEFI machine
 * need not have. A locked read-modify-write of the stack orders every load
 * and store on every x86 processor, so it serves as all three barriers.
 */

#define mb() __asm__ __volatile__("lock; addl $0, 0(%%esp)" ::: "memory", "cc")
#define wmb() mb()
#define rmb() mb()

#endif
