/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef PLATFORM_EFI_EFI_LOCATE_H
#define PLATFORM_EFI_EFI_LOCATE_H

/* Finding related handles through device paths. */

#include <efi/efi.h>

/*
 * The handle nearest to handle along its device path (handle itself
 * first, then its parents) that carries protocol: e.g. the PCI device
 * below a NIC. Returns 0 or -ENOENT.
 */
int efi_locate_on_path(EFI_HANDLE handle, EFI_GUID *protocol,
		       EFI_HANDLE *found);

/*
 * The outermost such handle (the one nearest the root). Firmware network
 * stacks copy a NIC's Simple Network Protocol onto their children (PXE
 * installs it on its IPv4 and IPv6 handles); the outermost one is the NIC.
 * Returns 0, -ENOENT or -ENOMEM.
 */
int efi_locate_outermost(EFI_HANDLE handle, EFI_GUID *protocol,
			 EFI_HANDLE *found);

#endif
