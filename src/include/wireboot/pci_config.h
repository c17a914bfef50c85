/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_PCI_CONFIG_H
#define WIREBOOT_PCI_CONFIG_H

/*
 * Any PCI device's configuration space by its address, for scripts
 * (pciscan, "pci/..." settings) rather than drivers: the platform
 * implements it over every function it knows (EFI: each PCI I/O
 * instance). An address is segment << 16 | bus << 8 | device << 3 |
 * function, as the busdevfn setting type shows it.
 */

#include <stddef.h>
#include <stdint.h>

/* len bytes from offset; 0, -ENODEV (no such device) or -EINVAL (beyond
 * its configuration space). */
int pci_config_read(uint32_t busdevfn, unsigned offset, void *buf, size_t len);

/* The device with the lowest address at or above *busdevfn: 0 (and its
 * address in *busdevfn) or -ENODEV. */
int pci_config_find(uint32_t *busdevfn);

#endif
