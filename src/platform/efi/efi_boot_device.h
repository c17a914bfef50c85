/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef PLATFORM_EFI_EFI_BOOT_DEVICE_H
#define PLATFORM_EFI_EFI_BOOT_DEVICE_H

/*
 * The device handle of an image we start (efi_boot_device.c): where a
 * loader looks for what it was booted from. It carries a device path of
 * its own (the image's file path continues it, so the firmware's
 * LoadImage makes this handle the image's DeviceHandle), our SNP over the
 * network device the boot came through, and the protocols that plug in
 * through EFI_BOOT_DEVICE_PROTOCOL: the PXE base code (efi_pxe.c) and a
 * file system of the downloaded images (efi_image_fs.c).
 */

#include <efi/protocol/device_path.h>
#include <platform/efi/efi_snp_export.h>
#include <wireboot/image.h>
#include <wireboot/netdev.h>
#include <wireboot/tables.h>

struct efi_boot_device {
	EFI_HANDLE handle;
	EFI_DEVICE_PATH_PROTOCOL *path;	/* malloc'd, with its end node */
	size_t path_len;		/* bytes before the end node */
	struct net_device *netdev;	/* a reference, or NULL */
	struct efi_snp_export *snp;	/* over netdev, or NULL */
	const struct image *image;	/* the image started from it */
	/* The image a shim was started for: a loader that fetches a file of
	 * its name through us gets it (efi_pxe.c). */
	const struct image *handed;
};

/* Creates the handle for starting image; 0 or a negative error. */
int efi_boot_device_open(struct efi_boot_device *dev, const struct image *image);
/* The image's file path: the device's path, then a file node with the
 * image's name (malloc'd), or NULL. */
EFI_DEVICE_PATH_PROTOCOL *efi_boot_device_file_path(const struct efi_boot_device *dev);
/* Uninstalls everything and frees the handle. */
void efi_boot_device_close(struct efi_boot_device *dev);

/* A protocol on the handle; a failing install is reported and skipped. */
struct efi_boot_device_protocol {
	const char *name;
	int (*install)(struct efi_boot_device *dev);
	void (*uninstall)(struct efi_boot_device *dev);
};
TABLE_DECLARE(const struct efi_boot_device_protocol, efi_boot_device_protocols);
#define EFI_BOOT_DEVICE_PROTOCOL(name) \
	const struct efi_boot_device_protocol name TABLE_ENTRY(const struct efi_boot_device_protocol, efi_boot_device_protocols, 01)

#endif
