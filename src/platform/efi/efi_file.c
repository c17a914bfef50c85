/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Reading autoexec.ipxe from the directory this program was loaded from,
 * on its boot volume (see autoexec.h).
 */

#include <errno.h>
#include <string.h>
#include <platform/efi/efi_guid.h>
#include <platform/efi/efi_path.h>
#include <wireboot/autoexec.h>
#include <wireboot/efi.h>
#include <efi/protocol/simple_file_system.h>

#define MAX_PATH_UNITS 512
#define READ_CHUNK 4096

struct path_builder {
	CHAR16 units[MAX_PATH_UNITS];
	size_t len;
	bool overflow;
};

static void path_append(struct path_builder *path, CHAR16 unit)
{
	if (path->len + 1 >= MAX_PATH_UNITS) {
		path->overflow = true;
		return;
	}
	path->units[path->len++] = unit;
	path->units[path->len] = 0;
}

/* Appends the text of a file path node, which may be unaligned. */
static void path_append_node(struct path_builder *path,
			     const EFI_DEVICE_PATH_PROTOCOL *node)
{
	const UINT8 *text = (const UINT8 *)(node + 1);
	size_t units = (efi_device_path_node_length(node) - sizeof(*node)) / 2;
	size_t i;

	for (i = 0; i < units; i++) {
		CHAR16 unit;

		memcpy(&unit, text + 2 * i, sizeof(unit));
		if (!unit)
			break;
		if (i == 0 && path->len && unit != '\\' &&
		    path->units[path->len - 1] != '\\')
			path_append(path, '\\');
		path_append(path, unit);
	}
}

/* "\EFI\BOOT\BOOTX64.EFI" -> "\EFI\BOOT\autoexec.ipxe". */
static int autoexec_path(struct path_builder *path)
{
	const EFI_DEVICE_PATH_PROTOCOL *node = efi_loaded_image->FilePath;
	const char *name = AUTOEXEC_NAME;
	size_t len;

	path->len = 0;
	path->overflow = false;
	path->units[0] = 0;
	/* A malformed path names no directory: the root is taken. */
	if (node && efi_path_len(node, EFI_PATH_MAX_LEN, &len) == 0) {
		for (; !efi_path_is_end(node); node = efi_path_next(node)) {
			if (node->Type == MEDIA_DEVICE_PATH &&
			    node->SubType == MEDIA_FILEPATH_DP)
				path_append_node(path, node);
		}
	}
	while (path->len && path->units[path->len - 1] != '\\')
		path->len--;
	if (!path->len)
		path_append(path, '\\');
	while (*name)
		path_append(path, (CHAR16)*name++);
	return path->overflow ? -ENOENT : 0;
}

static int read_file(EFI_FILE_PROTOCOL *file, struct image *image)
{
	static UINT8 chunk[READ_CHUNK];

	while (1) {
		UINTN len = sizeof(chunk);
		EFI_STATUS status = file->Read(file, &len, chunk);
		int rc;

		if (EFI_ERROR(status))
			return efi_status_to_rc(status);
		if (len == 0)
			return 0;
		rc = image_write(image, image->len, chunk, len);
		if (rc)
			return rc;
	}
}

int load_autoexec(struct image **out)
{
	EFI_SIMPLE_FILE_SYSTEM_PROTOCOL *file_system;
	EFI_FILE_PROTOCOL *root, *file;
	struct path_builder path;
	struct image *image;
	int rc;

	/* Loaded over the network, or from memory: no volume to look on. */
	if (!efi_loaded_image->DeviceHandle ||
	    EFI_ERROR(efi_boot_services->HandleProtocol(
		    efi_loaded_image->DeviceHandle, &efi_simple_file_system_protocol_guid,
		    (void **)&file_system)))
		return -ENOENT;
	rc = autoexec_path(&path);
	if (rc)
		return rc;
	if (EFI_ERROR(file_system->OpenVolume(file_system, &root)))
		return -ENOENT;
	if (EFI_ERROR(root->Open(root, &file, path.units, EFI_FILE_MODE_READ,
				 0))) {
		root->Close(root);
		return -ENOENT;
	}
	image = alloc_image(AUTOEXEC_NAME);
	rc = image ? read_file(file, image) : -ENOMEM;
	file->Close(file);
	root->Close(root);
	if (rc == 0)
		rc = register_image(image);
	if (rc == 0)
		*out = image;
	image_put(image);
	return rc;
}
