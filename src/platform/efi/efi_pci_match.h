/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef PLATFORM_EFI_EFI_PCI_MATCH_H
#define PLATFORM_EFI_EFI_PCI_MATCH_H

/*
 * Which of the linked NIC drivers (the pci_drivers table) serves a PCI
 * device: shared by the application's prober (efi_pci_attach.c) and the
 * driver image's binding (efi_driver_binding.c).
 */

#include <platform/efi/efi_pci.h>

/* The driver serving the device behind io; NULL if none (or unreadable). */
const struct pci_driver *efi_pci_io_driver(EFI_PCI_IO_PROTOCOL *io);

/* efi_pci_init(), then the serving driver in dev->pci.driver and .id;
 * -ENOTSUP if no linked driver serves the device. */
int efi_pci_init_matched(struct efi_pci_device *dev, EFI_HANDLE handle,
			 EFI_PCI_IO_PROTOCOL *io);

#endif
