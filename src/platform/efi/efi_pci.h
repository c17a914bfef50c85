/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef PLATFORM_EFI_EFI_PCI_H
#define PLATFORM_EFI_EFI_PCI_H

/*
 * The UEFI platform's side of a PCI device (wireboot/pci.h): the firmware
 * handle and PCI I/O instance behind a struct pci_device, shared by the bus
 * interface (efi_pci.c) and the code that attaches drivers (efi_pci_attach.c).
 */

#include <stdbool.h>
#include <efi/protocol/pci_io.h>
#include <wireboot/list.h>
#include <wireboot/netdev.h>
#include <wireboot/pci.h>

#define PCI_BAR_COUNT 6

struct efi_pci_device {
	struct pci_device pci;		/* pci.platform points back here */
	EFI_HANDLE handle;
	EFI_PCI_IO_PROTOCOL *io;
	/* What the firmware had enabled, restored when we let go. */
	UINT64 original_attributes;
	/* Per BAR: 1 I/O space, 0 memory, negative errno if absent. */
	int bar_type[PCI_BAR_COUNT];
	/* Per BAR: where the CPU reaches it directly, and how far; length
	 * 0 when only the firmware's protocol can (see efi_pci.c). */
	uint64_t bar_base[PCI_BAR_COUNT];
	uint64_t bar_len[PCI_BAR_COUNT];
	struct list_head list;		/* in efi_pci_attach.c's device list */
	/* The hand-over to the firmware's driver (efi_pci_attach.c); tried
	 * once: a device we attach again keeps our driver. */
	struct netdev_fallback fallback;
	bool fallback_tried;
};

static inline struct efi_pci_device *efi_pci(struct pci_device *pci)
{
	return pci->platform;
}

/* Fills dev->pci (IDs, class, location) and the BAR types from the
 * device behind io, and records its current attributes. */
int efi_pci_init(struct efi_pci_device *dev, EFI_HANDLE handle,
		 EFI_PCI_IO_PROTOCOL *io);
/* Puts the attributes back as efi_pci_init() found them. */
void efi_pci_restore(struct efi_pci_device *dev);
/* Stops the device from mastering the bus (no more DMA). Touches only
 * configuration space: safe at ExitBootServices, where nothing may
 * allocate or free memory. */
void efi_pci_stop_dma(struct efi_pci_device *dev);

#endif
