/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The UEFI protocol structures we call through must match the
 * specification byte for byte: a shifted member calls the wrong function.
 * Offsets are those of the x64 layout (8-byte pointers).
 */
#include <stddef.h>
#include <efi/protocol/pci_io.h>
#include <efi/protocol/simple_network.h>
#include "unit.h"

int main(void)
{
	CHECK_INT(offsetof(EFI_PCI_IO_PROTOCOL, Mem), 16);
	CHECK_INT(offsetof(EFI_PCI_IO_PROTOCOL, Io), 32);
	CHECK_INT(offsetof(EFI_PCI_IO_PROTOCOL, Pci), 48);
	CHECK_INT(offsetof(EFI_PCI_IO_PROTOCOL, Map), 72);
	CHECK_INT(offsetof(EFI_PCI_IO_PROTOCOL, AllocateBuffer), 88);
	CHECK_INT(offsetof(EFI_PCI_IO_PROTOCOL, GetLocation), 112);
	CHECK_INT(offsetof(EFI_PCI_IO_PROTOCOL, Attributes), 120);
	CHECK_INT(offsetof(EFI_PCI_IO_PROTOCOL, RomSize), 144);
	CHECK_INT(sizeof(EFI_PCI_IO_PROTOCOL), 160);
	CHECK_INT(EfiPciIoOperationBusMasterCommonBuffer, 2);
	CHECK_INT(EfiPciIoAttributeOperationSupported, 4);

	CHECK_INT(offsetof(EFI_SIMPLE_NETWORK_PROTOCOL, Start), 8);
	CHECK_INT(offsetof(EFI_SIMPLE_NETWORK_PROTOCOL, GetStatus), 88);
	CHECK_INT(offsetof(EFI_SIMPLE_NETWORK_PROTOCOL, Receive), 104);
	CHECK_INT(offsetof(EFI_SIMPLE_NETWORK_PROTOCOL, Mode), 120);
	CHECK_INT(offsetof(EFI_SIMPLE_NETWORK_MODE, MCastFilter), 40);
	CHECK_INT(offsetof(EFI_SIMPLE_NETWORK_MODE, CurrentAddress), 552);
	CHECK_INT(offsetof(EFI_SIMPLE_NETWORK_MODE, PermanentAddress), 616);
	CHECK_INT(offsetof(EFI_SIMPLE_NETWORK_MODE, IfType), 648);
	CHECK_INT(offsetof(EFI_SIMPLE_NETWORK_MODE, MediaPresent), 652);
	CHECK_INT(sizeof(EFI_NETWORK_STATISTICS), 26 * 8);
	return unit_finish();
}
