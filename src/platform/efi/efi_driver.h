/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef PLATFORM_EFI_EFI_DRIVER_H
#define PLATFORM_EFI_EFI_DRIVER_H

/*
 * Driver mode: our NIC drivers as a UEFI boot-service driver (.efidrv,
 * .efirom). The entry point (efi_driver_entry.c) installs the driver
 * binding (efi_driver_binding.c) and component names
 * (efi_driver_name.c); for each NIC it starts, the binding creates a
 * child handle for the network interface with its device path and an SNP
 * (efi_snp_export.c), plus whatever child extensions the image links
 * (efi_loadfile.c in full mode, see efi_driver_mode.c).
 */

#include <efi/protocol/component_name2.h>
#include <efi/protocol/device_path.h>
#include <efi/protocol/driver_binding.h>
#include <platform/efi/efi_pci.h>
#include <platform/efi/efi_snp_export.h>
#include <wireboot/netdev.h>
#include <wireboot/tables.h>

#define EFI_DRIVER_NAME_LEN 64

struct efi_driver_device {
	struct efi_pci_device pci;	/* pci.list: in efi_driver_devices */
	struct net_device *netdev;	/* what the NIC driver's probe made */
	struct efi_snp_export *snp;
	EFI_HANDLE child;		/* the network interface, or NULL */
	EFI_DEVICE_PATH_PROTOCOL *path;	/* the child's: PCI path + MAC node */
	bool extended;			/* child extensions installed */
	CHAR16 controller_name[EFI_DRIVER_NAME_LEN];
	CHAR16 child_name[EFI_DRIVER_NAME_LEN];
};

/* The NICs this image drives. */
extern struct list_head efi_driver_devices;
/* Ours by the PCI handle, or by the child handle; NULL if not ours. */
struct efi_driver_device *efi_driver_find(EFI_HANDLE controller);
struct efi_driver_device *efi_driver_find_child(EFI_HANDLE child);

extern EFI_DRIVER_BINDING_PROTOCOL efi_driver_binding;
extern EFI_COMPONENT_NAME2_PROTOCOL efi_driver_component_name;
/* Names the driver after the (one) NIC driver linked into the image. */
void efi_driver_name_init(void);
/* Names a started device and its network interface. */
void efi_driver_name_device(struct efi_driver_device *dev);

/*
 * Protocols beyond SNP on the network interface's handle, chosen at link
 * time: an object that provides one registers it here. Installed after
 * SNP, uninstalled before it; uninstall also runs when a caller
 * disconnects our driver from the child handle alone.
 */
struct efi_child_extension {
	const char *name;
	int (*install)(struct efi_driver_device *dev);
	void (*uninstall)(struct efi_driver_device *dev);
};
TABLE_DECLARE(const struct efi_child_extension, efi_child_extensions);
#define EFI_CHILD_EXTENSION(name) \
	const struct efi_child_extension name TABLE_ENTRY(const struct efi_child_extension, efi_child_extensions, 01)

#endif
