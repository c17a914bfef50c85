/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef ARCH_BARRIER_H
#define ARCH_BARRIER_H

/*
 * Memory barriers between the CPU's accesses to DMA memory and a device's
 * view of them (see the x86-64 header for what each promises).
 *
 * AArch64 orders little by itself. A device reads rings in normal memory and
 * is told about them by a register write that the firmware's PCI I/O protocol
 * performs, so the barriers must also order normal-memory accesses against
 * device-memory ones: that takes DSB (completion), not merely DMB
 * (observation order), in the full system domain.
 */

#define wmb() __asm__ __volatile__("dsb st" ::: "memory")
#define rmb() __asm__ __volatile__("dsb ld" ::: "memory")
#define mb() __asm__ __volatile__("dsb sy" ::: "memory")

#endif
