/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef ARCH_IO_H
#define ARCH_IO_H

/*
 * Device register access by the CPU itself (see the x86-64 header): never
 * on AArch64. It has no port I/O (the root bridge translates it into memory
 * space at an offset only the firmware knows), and the firmware's memory
 * accessors carry the barriers device memory needs here. So every access
 * goes through the firmware's protocol.
 */

#include <stdbool.h>
#include <stdint.h>

static inline bool arch_port_read(unsigned size, uint16_t port, void *value)
{
	(void)size, (void)port, (void)value;
	return false;
}

static inline bool arch_port_write(unsigned size, uint16_t port,
				   const void *value)
{
	(void)size, (void)port, (void)value;
	return false;
}

static inline bool arch_mmio_read(unsigned size, uintptr_t address, void *value)
{
	(void)size, (void)address, (void)value;
	return false;
}

static inline bool arch_mmio_write(unsigned size, uintptr_t address,
				   const void *value)
{
	(void)size, (void)address, (void)value;
	return false;
}

#endif
