/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * PCI configuration space by address (wireboot/pci_config.h) over the
 * firmware's PCI I/O instances: one per function the PCI bus driver
 * enumerated, each telling its location. Scripts ask rarely, so every
 * request walks the handles afresh; nothing is kept.
 */

#include <errno.h>
#include <stdbool.h>
#include <wireboot/efi.h>
#include <wireboot/pci_config.h>
#include <efi/protocol/pci_io.h>
#include <platform/efi/efi_guid.h>

/* PCI Express configuration space; the firmware refuses beyond a
 * conventional device's 256 bytes. */
#define CONFIG_SPACE_LEN 4096

/*
 * The instance at address want (exact) or, with exact false, the lowest
 * address at or above it. Returns 0 with *io and *busdevfn, or -ENODEV.
 */
static int find_function(uint32_t want, bool exact, EFI_PCI_IO_PROTOCOL **io,
			 uint32_t *busdevfn)
{
	EFI_HANDLE *handles;
	UINTN count, i;
	bool found = false;

	if (EFI_ERROR(efi_boot_services->LocateHandleBuffer(
		    ByProtocol, &efi_pci_io_protocol_guid, NULL, &count,
		    &handles)))
		return -ENODEV;
	for (i = 0; i < count; i++) {
		EFI_PCI_IO_PROTOCOL *candidate;
		UINTN segment, bus, device, function;
		uint32_t address;

		if (EFI_ERROR(efi_boot_services->HandleProtocol(
			    handles[i], &efi_pci_io_protocol_guid,
			    (VOID **)&candidate)) ||
		    EFI_ERROR(candidate->GetLocation(candidate, &segment, &bus,
						     &device, &function)))
			continue;
		address = (uint32_t)(segment << 16 | bus << 8 | device << 3 |
				     function);
		if (exact ? address != want :
			    address < want || (found && address >= *busdevfn))
			continue;
		*io = candidate;
		*busdevfn = address;
		found = true;
		if (exact)
			break;
	}
	efi_boot_services->FreePool(handles);
	return found ? 0 : -ENODEV;
}

int pci_config_read(uint32_t busdevfn, unsigned offset, void *buf, size_t len)
{
	EFI_PCI_IO_PROTOCOL *io;
	uint32_t address;
	int rc;

	if (offset > CONFIG_SPACE_LEN || len > CONFIG_SPACE_LEN - offset)
		return -EINVAL;
	rc = find_function(busdevfn, true, &io, &address);
	if (rc)
		return rc;
	if (!len)
		return 0;
	return EFI_ERROR(io->Pci.Read(io, EfiPciIoWidthUint8, offset, len, buf))
	       ? -EINVAL : 0;
}

int pci_config_find(uint32_t *busdevfn)
{
	EFI_PCI_IO_PROTOCOL *io;

	return find_function(*busdevfn, false, &io, busdevfn);
}
