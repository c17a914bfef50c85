/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef ARCH_IO_H
#define ARCH_IO_H

/*
 * Device register access by the CPU itself, for the platform's PCI layer
 * (see efi_pci.c: why it bypasses the firmware's protocol where it can).
 * x86 has port I/O instructions, and UEFI maps memory BARs one to one with
 * their bus addresses, uncached. Each function returns true when it did
 * the access; size is 1, 2 or 4 bytes. The "memory" clobbers keep the
 * compiler from moving ring accesses across a register access, as a call
 * into the firmware never allowed either.
 */

#include <stdbool.h>
#include <stdint.h>

static inline bool arch_port_read(unsigned size, uint16_t port, void *value)
{
	switch (size) {
	case 1:
		__asm__ __volatile__("inb %w1, %b0" : "=a"(*(uint8_t *)value)
				     : "Nd"(port) : "memory");
		return true;
	case 2:
		__asm__ __volatile__("inw %w1, %w0" : "=a"(*(uint16_t *)value)
				     : "Nd"(port) : "memory");
		return true;
	case 4:
		__asm__ __volatile__("inl %w1, %0" : "=a"(*(uint32_t *)value)
				     : "Nd"(port) : "memory");
		return true;
	}
	return false;
}

static inline bool arch_port_write(unsigned size, uint16_t port,
				   const void *value)
{
	switch (size) {
	case 1:
		__asm__ __volatile__("outb %b0, %w1" :: "a"(*(const uint8_t *)value),
				     "Nd"(port) : "memory");
		return true;
	case 2:
		__asm__ __volatile__("outw %w0, %w1" :: "a"(*(const uint16_t *)value),
				     "Nd"(port) : "memory");
		return true;
	case 4:
		__asm__ __volatile__("outl %0, %w1" :: "a"(*(const uint32_t *)value),
				     "Nd"(port) : "memory");
		return true;
	}
	return false;
}

static inline bool arch_mmio_read(unsigned size, uintptr_t address, void *value)
{
	__asm__ __volatile__("" ::: "memory");
	switch (size) {
	case 1:
		*(uint8_t *)value = *(volatile uint8_t *)address;
		break;
	case 2:
		*(uint16_t *)value = *(volatile uint16_t *)address;
		break;
	case 4:
		*(uint32_t *)value = *(volatile uint32_t *)address;
		break;
	default:
		return false;
	}
	__asm__ __volatile__("" ::: "memory");
	return true;
}

static inline bool arch_mmio_write(unsigned size, uintptr_t address,
				   const void *value)
{
	__asm__ __volatile__("" ::: "memory");
	switch (size) {
	case 1:
		*(volatile uint8_t *)address = *(const uint8_t *)value;
		break;
	case 2:
		*(volatile uint16_t *)address = *(const uint16_t *)value;
		break;
	case 4:
		*(volatile uint32_t *)address = *(const uint32_t *)value;
		break;
	default:
		return false;
	}
	__asm__ __volatile__("" ::: "memory");
	return true;
}

#endif
