/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The prober of snponly.efi: only the NIC this image was loaded from,
 * through the firmware's own driver. The loaded image's device handle is
 * the firmware loader's (PXE or HTTP boot sits on a child of the NIC,
 * which may carry a copy of the NIC's SNP), so the NIC is the outermost
 * SNP along its device path.
 */

#include <stdio.h>
#include <efi/protocol/simple_network.h>
#include <platform/efi/efi_guid.h>
#include <platform/efi/efi_locate.h>
#include <platform/efi/efi_snpnet.h>
#include <wireboot/device.h>
#include <wireboot/efi.h>

PROVIDE_OBJECT(efi_snponly);

static int efi_snponly_probe(void)
{
	EFI_HANDLE nic;

	if (efi_locate_outermost(efi_loaded_image->DeviceHandle, &efi_simple_network_protocol_guid,
				 &nic) != 0) {
		printf("snponly: not loaded from a network device; no NIC used\n");
		return 0;
	}
	return efi_snpnet_attach(nic, NULL);
}

DEVICE_PROBER(efi_snponly_prober) = {
	.name = "snponly",
	.probe = efi_snponly_probe,
	.remove = efi_snpnet_detach_all,
};
