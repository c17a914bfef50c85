/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Full driver mode: EFI_LOAD_FILE_PROTOCOL on the network interface's
 * handle, so the boot manager's network boot entry for the NIC runs our
 * network boot program (banner, embedded script or DHCP and the boot file,
 * src/core/main.c) instead of the firmware's PXE.
 *
 * The boot manager calls LoadFile() to fetch a file it would then start;
 * we instead boot ourselves and return when the program is done. Any
 * status but EFI_BUFFER_TOO_SMALL ends the boot manager's attempt without
 * a file, so it goes on with the next boot option as after a failed boot.
 *
 * While our stack runs it polls the NIC directly, so the firmware's
 * network stack must not bind to the same SNP (its timers would poll the
 * NIC in the middle of ours and take our frames): we hold the child's SNP
 * open BY_DRIVER, which makes MnpDxe's Supported() fail. A loader that
 * opens SNP EXCLUSIVE disconnects us from the child (efi_driver_binding.c
 * then uninstalls this extension) and gets the NIC to itself.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <efi/protocol/load_file.h>
#include <platform/efi/efi_driver.h>
#include <platform/efi/efi_guid.h>
#include <wireboot/debug.h>
#include <wireboot/efi.h>
#include <wireboot/main.h>
#include <wireboot/tables.h>

PROVIDE_OBJECT(efi_loadfile);

/* The program's platform needs, as in the application. */
REQUIRE_OBJECT(efi_program);

struct load_file {
	EFI_LOAD_FILE_PROTOCOL protocol;
	struct efi_driver_device *dev;
	struct list_head list;
};

static LIST_HEAD(load_files);
static bool booting;

static EFI_STATUS EFIAPI load_file(EFI_LOAD_FILE_PROTOCOL *This,
				   EFI_DEVICE_PATH_PROTOCOL *FilePath,
				   BOOLEAN BootPolicy, UINTN *BufferSize,
				   VOID *Buffer)
{
	int rc;

	if (!This || !BufferSize)
		return EFI_INVALID_PARAMETER;
	/* One network boot at a time (the booted program could ask). */
	if (booting)
		return EFI_ALREADY_STARTED;
	booting = true;
	wireboot_boot_option = true;
	rc = wireboot_main();
	booting = false;
	*BufferSize = 0;
	return efi_rc_to_status(rc);
}

static struct load_file *find_load_file(struct efi_driver_device *dev)
{
	struct load_file *lf;

	list_for_each_entry(lf, &load_files, list) {
		if (lf->dev == dev)
			return lf;
	}
	return NULL;
}

static int install_load_file(struct efi_driver_device *dev)
{
	struct load_file *lf = zalloc(sizeof(*lf));
	EFI_STATUS status;
	VOID *snp;

	if (!lf)
		return -ENOMEM;
	lf->protocol.LoadFile = load_file;
	lf->dev = dev;
	status = efi_boot_services->InstallMultipleProtocolInterfaces(
		&dev->child, &efi_load_file_protocol_guid, &lf->protocol, NULL);
	if (EFI_ERROR(status)) {
		free(lf);
		return efi_status_to_rc(status);
	}
	list_add_tail(&lf->list, &load_files);
	/* Keeps the firmware's network stack off this NIC (see above). */
	status = efi_boot_services->OpenProtocol(dev->child, &efi_simple_network_protocol_guid, &snp,
						 efi_image_handle, dev->child,
						 EFI_OPEN_PROTOCOL_BY_DRIVER);
	DBG("%s: LoadFile installed, SNP held: %s\n", dev->netdev->name,
	    strerror(efi_status_to_rc(status)));
	return 0;
}

static void uninstall_load_file(struct efi_driver_device *dev)
{
	struct load_file *lf = find_load_file(dev);

	if (!lf)
		return;
	efi_boot_services->CloseProtocol(dev->child, &efi_simple_network_protocol_guid,
					 efi_image_handle, dev->child);
	efi_boot_services->UninstallMultipleProtocolInterfaces(
		dev->child, &efi_load_file_protocol_guid, &lf->protocol, NULL);
	list_del(&lf->list);
	free(lf);
}

EFI_CHILD_EXTENSION(efi_loadfile_extension) = {
	.name = "LoadFile",
	.install = install_load_file,
	.uninstall = uninstall_load_file,
};
