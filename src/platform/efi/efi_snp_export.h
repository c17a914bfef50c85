/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef PLATFORM_EFI_EFI_SNP_EXPORT_H
#define PLATFORM_EFI_EFI_SNP_EXPORT_H

/*
 * EFI_SIMPLE_NETWORK_PROTOCOL over one of our network devices, for the
 * firmware's network stack (MnpDxe, PxeBcDxe, HttpBootDxe) and for any
 * loader that drives the NIC through SNP (efi_snp_export.c).
 */

#include <efi/protocol/simple_network.h>
#include <wireboot/netdev.h>

/* Transmitted buffers whose addresses GetStatus() has not handed back. */
#define EFI_SNP_RECYCLE_MAX 32

struct efi_snp_export {
	EFI_SIMPLE_NETWORK_PROTOCOL protocol;	/* what gets installed */
	EFI_SIMPLE_NETWORK_MODE mode;
	EFI_NETWORK_STATISTICS stats;
	struct net_device *netdev;		/* a reference */
	VOID *recycled[EFI_SNP_RECYCLE_MAX];	/* oldest first */
	unsigned recycled_count;
	bool tx_interrupt;			/* a transmit since GetStatus() */
};

/* An SNP (state Stopped) over netdev; NULL when out of memory or events. */
struct efi_snp_export *efi_snp_export_new(struct net_device *netdev);
/* Closes the device if the SNP opened it and frees everything; the
 * protocol must be uninstalled already. */
void efi_snp_export_free(struct efi_snp_export *snp);

#endif
