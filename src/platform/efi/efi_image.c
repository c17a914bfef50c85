/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EFI executables as images: "chain x.efi" loads the PE image from memory
 * through the firmware's LoadImage and starts it. Under Secure Boot both
 * the firmware (LoadImage) and, when it started us, shim
 * (efi_shim_lock.c) verify it first; we never start anything ourselves.
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
#include <platform/efi/efi_guid.h>
#include <platform/efi/efi_path.h>
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

/* Where the image "came from", for the firmware's records and the image's
 * own loaded-image protocol: a file node with its name under the device
 * we were loaded from. malloc'd. */
static EFI_DEVICE_PATH_PROTOCOL *image_device_path(const struct image *image)
{
	EFI_DEVICE_PATH_PROTOCOL *parent = NULL, *path, *file, *end;
	size_t parent_len = 0, name_units, file_len;

	if (efi_loaded_image->DeviceHandle &&
	    !EFI_ERROR(efi_boot_services->HandleProtocol(
		    efi_loaded_image->DeviceHandle, &efi_device_path_protocol_guid,
		    (void **)&parent)) && parent &&
	    efi_path_len(parent, EFI_PATH_MAX_LEN, &parent_len) != 0)
		parent_len = 0;	/* malformed: the file node stands alone */
	name_units = utf8_to_utf16(NULL, 0, image->name) + 2;
	file_len = sizeof(*file) + name_units * sizeof(CHAR16);
	if (file_len > 0xffff)
		return NULL;
	path = malloc(parent_len + file_len + sizeof(*end));
	if (!path)
		return NULL;
	if (parent_len)
		memcpy(path, parent, parent_len);
	file = (void *)((UINT8 *)path + parent_len);
	efi_path_set_node(file, MEDIA_DEVICE_PATH, MEDIA_FILEPATH_DP, file_len);
	{
		CHAR16 *text = (CHAR16 *)(file + 1);
		text[0] = '\\';
		utf8_to_utf16(text + 1, name_units - 1, image->name);
	}
	end = (void *)((UINT8 *)file + file_len);
	efi_path_set_end(end);
	return path;
}

/* The image's command line as UCS-2 load options (malloc'd). */
static CHAR16 *load_options(const struct image *image, UINT32 *size)
{
	size_t units = utf8_to_utf16(NULL, 0, image->cmdline) + 1;
	CHAR16 *options = malloc(units * sizeof(CHAR16));

	if (options) {
		utf8_to_utf16(options, units, image->cmdline);
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

static int efi_image_exec(struct image *image)
{
	EFI_DEVICE_PATH_PROTOCOL *path = image_device_path(image);
	EFI_LOADED_IMAGE_PROTOCOL *loaded;
	CHAR16 *options = NULL;
	EFI_HANDLE handle = NULL;
	EFI_STATUS status;
	int rc;

	if (!path)
		return -ENOMEM;
	rc = efi_shim_lock_verify(image->name, image->data, image->len);
	if (rc != 0) {
		free(path);
		return rc;
	}
	status = efi_boot_services->LoadImage(0, efi_image_handle, path,
					      image->data, image->len, &handle);
	free(path);
	if (EFI_ERROR(status)) {
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
	if (image->cmdline &&
	    !EFI_ERROR(efi_boot_services->HandleProtocol(
		    handle, &efi_loaded_image_protocol_guid, (void **)&loaded))) {
		options = load_options(image, &loaded->LoadOptionsSize);
		loaded->LoadOptions = options;
		if (!options)
			loaded->LoadOptionsSize = 0;
	}
	rc = start_image(handle);
	free(options);
	return rc;
}

IMAGE_TYPE(efi_image_type) = {
	.name = "efi",
	.probe = efi_image_probe,
	.exec = efi_image_exec,
};
