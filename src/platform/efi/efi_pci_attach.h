/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef PLATFORM_EFI_EFI_PCI_ATTACH_H
#define PLATFORM_EFI_EFI_PCI_ATTACH_H

/* The PCI prober of the application (efi_pci_attach.c). */

#include <stdbool.h>
#include <efi/efi.h>

/* True if one of our drivers runs the PCI device on handle. */
bool efi_pci_is_attached(EFI_HANDLE handle);

#endif
