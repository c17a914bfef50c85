/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef PLATFORM_EFI_EFI_PCI_QUIESCE_H
#define PLATFORM_EFI_EFI_PCI_QUIESCE_H

/*
 * No DMA into memory the OS owns: at ExitBootServices every PCI device we
 * drive stops mastering the bus (efi_pci_stop_dma()). Shared by the
 * application (efi_pci_attach.c) and the driver image.
 */

#include <efi/efi.h>
#include <wireboot/list.h>

/* Watches for ExitBootServices and then stops DMA of every device on
 * devices (a list of struct efi_pci_device, through .list). Does nothing
 * when *event already watches. */
int efi_pci_quiesce_at_exit(struct list_head *devices, EFI_EVENT *event);
/* Stops watching (*event becomes NULL). */
void efi_pci_quiesce_cancel(EFI_EVENT *event);

#endif
