/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Matching PCI devices to the linked NIC drivers (see efi_pci_match.h). */

#include <errno.h>
#include <platform/efi/efi_pci_match.h>
#include <wireboot/pci_regs.h>

static const struct pci_driver *find_driver(uint16_t vendor, uint16_t device,
					     const struct pci_device_id **id)
{
	const struct pci_driver *driver;
	unsigned i;

	for_each_table_entry(driver, pci_drivers) {
		for (i = 0; i < driver->id_count; i++) {
			if (driver->ids[i].vendor == vendor &&
			    driver->ids[i].device == device) {
				*id = &driver->ids[i];
				return driver;
			}
		}
	}
	return NULL;
}

const struct pci_driver *efi_pci_io_driver(EFI_PCI_IO_PROTOCOL *io)
{
	const struct pci_device_id *id;
	uint32_t ids;

	if (EFI_ERROR(io->Pci.Read(io, EfiPciIoWidthUint32, PCI_VENDOR_ID, 1,
				   &ids)))
		return NULL;
	return find_driver((uint16_t)ids, (uint16_t)(ids >> 16), &id);
}

int efi_pci_init_matched(struct efi_pci_device *dev, EFI_HANDLE handle,
			 EFI_PCI_IO_PROTOCOL *io)
{
	struct pci_device *pci = &dev->pci;
	int rc = efi_pci_init(dev, handle, io);

	if (rc != 0)
		return rc;
	pci->driver = find_driver(pci->vendor, pci->device, &pci->id);
	return pci->driver ? 0 : -ENOTSUP;
}
