/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Finding related handles through device paths. */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <platform/efi/efi_guid.h>
#include <platform/efi/efi_locate.h>
#include <platform/efi/efi_path.h>
#include <wireboot/efi.h>

static EFI_DEVICE_PATH_PROTOCOL *device_path(EFI_HANDLE handle)
{
	VOID *interface;

	if (EFI_ERROR(efi_boot_services->HandleProtocol(
		    handle, &efi_device_path_protocol_guid, &interface)))
		return NULL;
	return interface;
}

int efi_locate_on_path(EFI_HANDLE handle, EFI_GUID *protocol,
		       EFI_HANDLE *found)
{
	EFI_DEVICE_PATH_PROTOCOL *path = device_path(handle);

	/* LocateDevicePath() advances path past the part it matched. */
	if (!path || EFI_ERROR(efi_boot_services->LocateDevicePath(
			     protocol, &path, found)))
		return -ENOENT;
	return 0;
}

/* The handle whose device path is exactly prefix, if it has protocol. */
static bool locate_exact(EFI_DEVICE_PATH_PROTOCOL *prefix, EFI_GUID *protocol,
			 EFI_HANDLE *found)
{
	EFI_DEVICE_PATH_PROTOCOL *rest = prefix;

	return !EFI_ERROR(efi_boot_services->LocateDevicePath(protocol, &rest,
							      found)) &&
	       efi_path_is_end(rest);
}

int efi_locate_outermost(EFI_HANDLE handle, EFI_GUID *protocol,
			 EFI_HANDLE *found)
{
	EFI_DEVICE_PATH_PROTOCOL *path = device_path(handle);
	const EFI_DEVICE_PATH_PROTOCOL *node;
	size_t prefix_len = 0, len;
	uint8_t *copy;
	int rc = -ENOENT;

	if (!path || efi_path_len(path, EFI_PATH_MAX_LEN, &len) != 0)
		return -ENOENT;
	/* Try ever longer prefixes of the path: the first that names a
	 * handle with the protocol is the outermost. */
	for (node = path;; node = efi_path_next(node)) {
		if (!efi_path_is_end(node))
			prefix_len += efi_device_path_node_length(node);
		copy = malloc(prefix_len + sizeof(EFI_DEVICE_PATH_PROTOCOL));
		if (!copy)
			return -ENOMEM;
		memcpy(copy, path, prefix_len);
		efi_path_set_end(copy + prefix_len);
		if (locate_exact((EFI_DEVICE_PATH_PROTOCOL *)copy, protocol, found))
			rc = 0;
		free(copy);
		if (rc == 0 || efi_path_is_end(node))
			return rc;
	}
}
