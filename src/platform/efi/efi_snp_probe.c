/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The application's prober for NICs we have no driver of our own for:
 * every firmware SNP not sitting on a PCI device our drivers run. It is a
 * late prober, so the PCI prober has already taken (and disconnected the
 * firmware's drivers from) the NICs we drive natively.
 */

#include <efi/protocol/pci_io.h>
#include <efi/protocol/simple_network.h>
#include <platform/efi/efi_guid.h>
#include <platform/efi/efi_locate.h>
#include <platform/efi/efi_pci_attach.h>
#include <platform/efi/efi_snpnet.h>
#include <wireboot/device.h>
#include <wireboot/efi.h>

PROVIDE_OBJECT(efi_snp_probe);


static bool driven_natively(EFI_HANDLE handle)
{
	EFI_HANDLE pci_handle;

	return efi_locate_on_path(handle, &efi_pci_io_protocol_guid, &pci_handle) == 0 &&
	       efi_pci_is_attached(pci_handle);
}

/* A NIC's own SNP, not a copy on one of its children. */
static bool is_nic(EFI_HANDLE handle)
{
	EFI_HANDLE nic;

	return efi_locate_outermost(handle, &efi_simple_network_protocol_guid, &nic) == 0 &&
	       nic == handle;
}

static int efi_snp_probe(void)
{
	EFI_HANDLE *handles;
	UINTN count, i;
	EFI_STATUS status;

	status = efi_boot_services->LocateHandleBuffer(ByProtocol, &efi_simple_network_protocol_guid,
						       NULL, &count, &handles);
	if (status == EFI_NOT_FOUND)
		return 0;
	if (EFI_ERROR(status))
		return efi_status_to_rc(status);
	for (i = 0; i < count; i++) {
		if (is_nic(handles[i]) && !driven_natively(handles[i]))
			efi_snpnet_attach(handles[i], NULL);
	}
	efi_boot_services->FreePool(handles);
	return 0;
}

DEVICE_PROBER_LATE(efi_snp_prober) = {
	.name = "snp",
	.probe = efi_snp_probe,
	.remove = efi_snpnet_detach_all,
};
