/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Stopping our PCI devices' DMA at ExitBootServices (efi_pci_quiesce.h).
 *
 * The notification runs at TPL_NOTIFY and must neither allocate nor free
 * memory (that would change the memory map the loader has just read),
 * which rules out the drivers' close() and remove(): they unmap and free
 * buffers. The driver's shutdown() stops the chip through its registers
 * alone, and clearing Bus Master Enable (a configuration-space write)
 * stops all DMA whatever the driver. Both are needed: a device can still
 * be open here (the firmware's network stack keeps our SNP running when
 * it boots a loader that exits boot services), and the OS's driver sets
 * Bus Master Enable before it resets the chip, so rings left running
 * would write frames into memory the OS now owns in that moment.
 */

#include <platform/efi/efi_pci.h>
#include <platform/efi/efi_pci_quiesce.h>
#include <wireboot/efi.h>

static VOID EFIAPI stop_dma_at_exit(EFI_EVENT event, VOID *context)
{
	struct list_head *devices = context;
	struct efi_pci_device *dev;

	list_for_each_entry(dev, devices, list) {
		dev->pci.driver->shutdown(&dev->pci);
		efi_pci_stop_dma(dev);
	}
}

int efi_pci_quiesce_at_exit(struct list_head *devices, EFI_EVENT *event)
{
	EFI_STATUS status;

	if (*event)
		return 0;
	status = efi_boot_services->CreateEvent(EVT_SIGNAL_EXIT_BOOT_SERVICES,
						TPL_NOTIFY, stop_dma_at_exit,
						devices, event);
	if (EFI_ERROR(status)) {
		*event = NULL;
		return efi_status_to_rc(status);
	}
	return 0;
}

void efi_pci_quiesce_cancel(EFI_EVENT *event)
{
	if (!*event)
		return;
	efi_boot_services->CloseEvent(*event);
	*event = NULL;
}
