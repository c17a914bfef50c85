/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef PLATFORM_EFI_EFI_SNPNET_H
#define PLATFORM_EFI_EFI_SNPNET_H

/* Network devices over the firmware's Simple Network Protocol
 * (efi_snpnet.c); the probers decide which SNPs to take. */

#include <efi/efi.h>

struct net_device;

/* Takes the SNP on handle from the firmware and registers a netdev (given
 * back in *netdev unless netdev is NULL). */
int efi_snpnet_attach(EFI_HANDLE handle, struct net_device **netdev);
/* Unregisters every such netdev and gives each SNP back. */
void efi_snpnet_detach_all(void);

#endif
