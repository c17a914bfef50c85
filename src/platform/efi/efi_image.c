/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EFI executables as images: "chain x.efi" loads the PE image from memory
 * through the firmware's LoadImage and starts it, with its command line
 * as load options. Under Secure Boot both the firmware (LoadImage) and,
 * when it started us, shim (efi_shim_lock.c) verify it first; we never
 * start anything ourselves. Its device handle is a boot device of ours
 * (efi_boot_device.c: SNP, PXE base code, the images as files), and a
 * Linux kernel (an EFI stub) finds its initramfs through LoadFile2
 * (efi_initrd.c). A shim, when one is set, starts the image for us.
 *
 * Our NICs are closed (not unregistered) while the image runs: the next
 * stage may drive the same hardware itself, through the firmware's own
 * network stack, and two drivers must never DMA into one ring. They are
 * reopened if it returns.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <platform/efi/efi_boot_device.h>
#include <platform/efi/efi_guid.h>
#include <platform/efi/efi_initrd.h>
#include <platform/efi/efi_shim_lock.h>
#include <wireboot/efi.h>
#include <wireboot/image.h>
#include <wireboot/netdev.h>
#include <wireboot/utf.h>

PROVIDE_OBJECT(efi_image);

#define PE_SIGNATURE_OFFSET_FIELD 0x3c

/* "MZ", then the "PE\0\0" signature where the DOS header points. */
static int efi_image_probe(struct image *image)
{
	const uint8_t *data = image->data;
	uint32_t pe_offset;

	if (image->len < PE_SIGNATURE_OFFSET_FIELD + 4 ||
	    data[0] != 'M' || data[1] != 'Z')
		return -ENOEXEC;
	memcpy(&pe_offset, data + PE_SIGNATURE_OFFSET_FIELD, sizeof(pe_offset));
	if (pe_offset > image->len - 4 ||
	    memcmp(data + pe_offset, "PE\0\0", 4) != 0)
		return -ENOEXEC;
	return 0;
}

/* A command line as UCS-2 load options (malloc'd). */
static CHAR16 *load_options(const char *cmdline, UINT32 *size)
{
	size_t units = utf8_to_utf16(NULL, 0, cmdline) + 1;
	CHAR16 *options = malloc(units * sizeof(CHAR16));

	if (options) {
		utf8_to_utf16(options, units, cmdline);
		*size = (UINT32)(units * sizeof(CHAR16));
	}
	return options;
}

/* Closes every open NIC; returns them (with references) to reopen. */
static struct net_device **close_netdevs(size_t *count)
{
	struct net_device *netdev, **closed;
	size_t total = 0;

	for_each_netdev(netdev)
		total++;
	closed = calloc(total ? total : 1, sizeof(*closed));
	*count = 0;
	for_each_netdev(netdev) {
		if (!netdev->is_open)
			continue;
		netdev_close(netdev);
		if (closed) {
			netdev_get(netdev);
			closed[(*count)++] = netdev;
		}
	}
	return closed;
}

static void reopen_netdevs(struct net_device **closed, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++) {
		netdev_open(closed[i]);
		netdev_put(closed[i]);
	}
	free(closed);
}

static int start_image(EFI_HANDLE handle)
{
	EFI_LOADED_IMAGE_PROTOCOL *loaded = NULL;
	struct net_device **closed;
	CHAR16 *exit_data = NULL;
	UINTN exit_data_size = 0;
	EFI_STATUS status;
	size_t count;
	bool resident;

	efi_boot_services->HandleProtocol(handle, &efi_loaded_image_protocol_guid,
					  (void **)&loaded);
	closed = close_netdevs(&count);
	status = efi_boot_services->StartImage(handle, &exit_data_size,
					       &exit_data);
	reopen_netdevs(closed, count);
	if (exit_data)
		efi_boot_services->FreePool(exit_data);
	/* A driver that started stays resident; anything else that returned
	 * is done (the firmware may have unloaded it already, in which case
	 * UnloadImage harmlessly refuses the stale handle). */
	resident = !EFI_ERROR(status) && loaded &&
		   loaded->ImageCodeType != EfiLoaderCode;
	if (!resident)
		efi_boot_services->UnloadImage(handle);
	return efi_status_to_rc(status);
}

/* Starts image with cmdline as its load options; handed is the image a
 * shim is started for (or NULL). */
static int start_efi(struct image *image, const char *cmdline,
		     const struct image *handed)
{
	EFI_DEVICE_PATH_PROTOCOL *path;
	EFI_LOADED_IMAGE_PROTOCOL *loaded;
	struct efi_boot_device dev;
	CHAR16 *options = NULL;
	EFI_HANDLE handle = NULL;
	EFI_STATUS status;
	int rc;

	rc = efi_boot_device_open(&dev, image);
	if (rc)
		return rc;
	dev.handed = handed;
	path = efi_boot_device_file_path(&dev);
	if (!path) {
		efi_boot_device_close(&dev);
		return -ENOMEM;
	}
	rc = efi_shim_lock_verify(image->name, image->data, image->len);
	if (rc != 0) {
		free(path);
		efi_boot_device_close(&dev);
		return rc;
	}
	status = efi_boot_services->LoadImage(0, efi_image_handle, path,
					      image->data, image->len, &handle);
	free(path);
	if (EFI_ERROR(status)) {
		efi_boot_device_close(&dev);
		rc = efi_status_to_rc(status);
		/* Refused by Secure Boot: the handle exists, unusable. */
		if (status == EFI_SECURITY_VIOLATION && handle)
			efi_boot_services->UnloadImage(handle);
		/* Under Secure Boot the firmware verified the image (as shim
		 * does, when it started us) and said no. */
		if (status == EFI_SECURITY_VIOLATION || status == EFI_ACCESS_DENIED)
			printf("%s: refused by Secure Boot: the firmware did not "
			       "verify its signature (%s)\n", image->name,
			       efi_status_name(status));
		else
			printf("%s: the firmware could not load it: %s (%s)\n",
			       image->name, strerror(rc), efi_status_name(status));
		return rc;
	}
	if (cmdline &&
	    !EFI_ERROR(efi_boot_services->HandleProtocol(
		    handle, &efi_loaded_image_protocol_guid, (void **)&loaded))) {
		options = load_options(cmdline, &loaded->LoadOptionsSize);
		loaded->LoadOptions = options;
		if (!options)
			loaded->LoadOptionsSize = 0;
	}
	efi_initrd_install(handed ? handed : image);
	rc = start_image(handle);
	efi_initrd_uninstall();
	efi_boot_device_close(&dev);
	free(options);
	return rc;
}

/*
 * With a shim set (the shim command), the shim is started instead, as a
 * distribution's chain of trust has it: its load options name the image
 * (then the image's own command line), which shim fetches from where it
 * was booted -- our PXE base code hands it the image from memory -- and
 * verifies against its keys before starting it.
 */
static int efi_image_exec(struct image *image)
{
	struct image *shim = find_shim_image();
	char *cmdline;
	size_t len;
	int rc;

	if (!shim || shim == image)
		return start_efi(image, image->cmdline, NULL);
	/* The shim runs in the image's place: it needs trust as much. */
	rc = image_check_trust(shim);
	if (rc) {
		printf("%s: not trusted (no valid signature)\n", shim->name);
		return rc;
	}
	len = strlen(image->name) + 2 +
	      (image->cmdline ? strlen(image->cmdline) : 0);
	cmdline = malloc(len);
	if (!cmdline)
		return -ENOMEM;
	snprintf(cmdline, len, "%s%s%s", image->name, image->cmdline ? " " : "",
		 image->cmdline ? image->cmdline : "");
	printf("%s: started through the shim %s\n", image->name, shim->name);
	rc = start_efi(shim, cmdline, image);
	free(cmdline);
	return rc;
}

IMAGE_TYPE(efi_image_type) = {
	.name = "efi",
	.probe = efi_image_probe,
	.exec = efi_image_exec,
};
