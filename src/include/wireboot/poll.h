/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_POLL_H
#define WIREBOOT_POLL_H

/*
 * Waiting for hardware: a device bit that sets or clears within micro- or
 * milliseconds (a reset that completes, a command the chip takes, an
 * EEPROM that answers). One loop for every driver, so that they all time
 * out the same way: the condition is checked at once (most waits end
 * there, at no cost), then with growing delays, against the monotonic
 * clock, and once more after the timeout so that a slow host never turns
 * a finished wait into a failure.
 */

#include <stdbool.h>
#include <stdint.h>

struct pci_device;

/* Returns 0 once done(context) is true, or -ETIMEDOUT when it is still
 * false after timeout_us microseconds. */
int poll_until(bool (*done)(void *context), void *context,
	       unsigned long timeout_us);

/* Waits until (register & mask) == value for the 8- or 32-bit register at
 * offset in bar; with last non-NULL, the register's last value is left
 * there (the data of a register that also holds the ready bit). */
int pci_poll8(struct pci_device *pci, unsigned bar, uint64_t offset,
	      uint8_t mask, uint8_t value, unsigned long timeout_us);
int pci_poll32(struct pci_device *pci, unsigned bar, uint64_t offset,
	       uint32_t mask, uint32_t value, unsigned long timeout_us,
	       uint32_t *last);

#endif
