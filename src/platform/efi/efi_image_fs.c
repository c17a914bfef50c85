/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The downloaded images as a read-only file system on the started
 * image's device handle (EFI_SIMPLE_FILE_SYSTEM_PROTOCOL and
 * EFI_FILE_PROTOCOL, UEFI 2.10 sections 13.4 and 13.5), one file per
 * image in a flat root directory, by image name. Linux's EFI stub reads
 * "initrd=name" from here when a kernel has no LoadFile2 initrd; a file
 * reads exactly as that image goes into an initramfs (wrapped in cpio
 * when "initrd URI /path" gave it a path, see wireboot/initrd.h).
 *
 * Names are compared after dropping leading '\' and '/' (the stub passes
 * what the command line says, with '/' turned into '\').
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <efi/protocol/simple_file_system.h>
#include <platform/efi/efi_boot_device.h>
#include <platform/efi/efi_guid.h>
#include <wireboot/efi.h>
#include <wireboot/initrd.h>
#include <wireboot/umalloc.h>
#include <wireboot/utf.h>

PROVIDE_OBJECT(efi_image_fs);

#define NAME_MAX_UNITS 64

struct image_file {
	EFI_FILE_PROTOCOL protocol;
	struct image *image;		/* a reference; NULL: the root */
	const UINT8 *data;		/* the contents as read */
	UINT8 *built;			/* umalloc'd when wrapped, else NULL */
	size_t len;
	UINT64 position;		/* in the root: the next entry */
};

static EFI_SIMPLE_FILE_SYSTEM_PROTOCOL file_system;

static struct image_file *file_of(EFI_FILE_PROTOCOL *protocol)
{
	return container_of(protocol, struct image_file, protocol);
}

static EFI_FILE_PROTOCOL *new_file(struct image *image);

/* The image named by a UCS-2 name of at most NAME_MAX_UNITS units. */
static struct image *image_by_name(const CHAR16 *name)
{
	char text[sizeof(((struct image *)0)->name)];
	size_t units = 0;

	while (*name == '\\' || *name == '/')
		name++;
	while (units < NAME_MAX_UNITS && name[units])
		units++;
	if (units == NAME_MAX_UNITS)
		return NULL;
	utf16_to_utf8(text, sizeof(text), name, units);
	return find_image(text);
}

static EFI_STATUS EFIAPI file_open(EFI_FILE_PROTOCOL *This,
				   EFI_FILE_PROTOCOL **NewHandle,
				   CHAR16 *FileName, UINT64 OpenMode,
				   UINT64 Attributes)
{
	struct image *image;

	if (!This || !NewHandle || !FileName)
		return EFI_INVALID_PARAMETER;
	if (OpenMode != EFI_FILE_MODE_READ)
		return EFI_WRITE_PROTECTED;
	/* "." and "\" name the root; no file is a directory. */
	if ((FileName[0] == '\\' && !FileName[1]) ||
	    (FileName[0] == '.' && !FileName[1])) {
		*NewHandle = new_file(NULL);
		return *NewHandle ? EFI_SUCCESS : EFI_OUT_OF_RESOURCES;
	}
	if (file_of(This)->image && FileName[0] != '\\')
		return EFI_NOT_FOUND;
	image = image_by_name(FileName);
	if (!image)
		return EFI_NOT_FOUND;
	*NewHandle = new_file(image);
	return *NewHandle ? EFI_SUCCESS : EFI_OUT_OF_RESOURCES;
}

static EFI_STATUS EFIAPI file_close(EFI_FILE_PROTOCOL *This)
{
	struct image_file *file;

	if (!This)
		return EFI_INVALID_PARAMETER;
	file = file_of(This);
	if (file->built)
		ufree(file->built, file->len);
	image_put(file->image);
	free(file);
	return EFI_SUCCESS;
}

static EFI_STATUS EFIAPI file_delete(EFI_FILE_PROTOCOL *This)
{
	/* Delete closes the handle even when it cannot delete. */
	file_close(This);
	return EFI_WARN_DELETE_FAILURE;
}

/* An EFI_FILE_INFO for image (NULL: the root directory) into Buffer. */
static EFI_STATUS file_info(const struct image_file *file,
			    const struct image *image, UINTN *BufferSize,
			    VOID *Buffer)
{
	const char *name = image ? image->name : "";
	size_t units = utf8_to_utf16(NULL, 0, name) + 1;
	size_t size = sizeof(EFI_FILE_INFO) + units * sizeof(CHAR16);
	EFI_FILE_INFO *info = Buffer;
	long len = 0;

	if (*BufferSize < size) {
		*BufferSize = size;
		return EFI_BUFFER_TOO_SMALL;
	}
	if (image) {
		len = (file && file->image == image) ? (long)file->len :
			initrd_image_build(image, NULL, 0);
		if (len < 0)
			return EFI_DEVICE_ERROR;
	}
	memset(info, 0, size);
	info->Size = size;
	info->FileSize = info->PhysicalSize = (UINT64)len;
	info->Attribute = EFI_FILE_READ_ONLY | (image ? 0 : EFI_FILE_DIRECTORY);
	utf8_to_utf16(info->FileName, units, name);
	*BufferSize = size;
	return EFI_SUCCESS;
}

/* The root lists one EFI_FILE_INFO per Read, then reads empty. */
static EFI_STATUS read_directory(struct image_file *dir, UINTN *BufferSize,
				 VOID *Buffer)
{
	struct image *image;
	UINT64 index = 0;
	EFI_STATUS status;

	for_each_image(image) {
		if (index++ != dir->position)
			continue;
		status = file_info(NULL, image, BufferSize, Buffer);
		if (!EFI_ERROR(status))
			dir->position++;
		return status;
	}
	*BufferSize = 0;
	return EFI_SUCCESS;
}

static EFI_STATUS EFIAPI file_read(EFI_FILE_PROTOCOL *This, UINTN *BufferSize,
				   VOID *Buffer)
{
	struct image_file *file;
	size_t len;

	if (!This || !BufferSize || (*BufferSize && !Buffer))
		return EFI_INVALID_PARAMETER;
	file = file_of(This);
	if (!file->image)
		return read_directory(file, BufferSize, Buffer);
	if (file->position > file->len)
		return EFI_DEVICE_ERROR;
	len = file->len - (size_t)file->position;
	if (len > *BufferSize)
		len = *BufferSize;
	memcpy(Buffer, file->data + file->position, len);
	file->position += len;
	*BufferSize = len;
	return EFI_SUCCESS;
}

static EFI_STATUS EFIAPI file_write(EFI_FILE_PROTOCOL *This, UINTN *BufferSize,
				    VOID *Buffer)
{
	return EFI_WRITE_PROTECTED;
}

static EFI_STATUS EFIAPI file_get_position(EFI_FILE_PROTOCOL *This,
					   UINT64 *Position)
{
	if (!This || !Position)
		return EFI_INVALID_PARAMETER;
	if (!file_of(This)->image)
		return EFI_UNSUPPORTED;
	*Position = file_of(This)->position;
	return EFI_SUCCESS;
}

/* Past the end is allowed (reads then fail); all ones means the end, and
 * a directory can only be rewound. */
static EFI_STATUS EFIAPI file_set_position(EFI_FILE_PROTOCOL *This,
					   UINT64 Position)
{
	struct image_file *file;

	if (!This)
		return EFI_INVALID_PARAMETER;
	file = file_of(This);
	if (!file->image) {
		if (Position)
			return EFI_UNSUPPORTED;
		file->position = 0;
		return EFI_SUCCESS;
	}
	file->position = Position == ~0ULL ? file->len : Position;
	return EFI_SUCCESS;
}

static EFI_STATUS EFIAPI file_get_info(EFI_FILE_PROTOCOL *This,
				       EFI_GUID *InformationType,
				       UINTN *BufferSize, VOID *Buffer)
{
	struct image_file *file;

	if (!This || !InformationType || !BufferSize ||
	    (*BufferSize && !Buffer))
		return EFI_INVALID_PARAMETER;
	if (memcmp(InformationType, &efi_file_info_guid, sizeof(EFI_GUID)) != 0)
		return EFI_UNSUPPORTED;
	file = file_of(This);
	return file_info(file, file->image, BufferSize, Buffer);
}

static EFI_STATUS EFIAPI file_set_info(EFI_FILE_PROTOCOL *This,
				       EFI_GUID *InformationType,
				       UINTN BufferSize, VOID *Buffer)
{
	return EFI_WRITE_PROTECTED;
}

static EFI_STATUS EFIAPI file_flush(EFI_FILE_PROTOCOL *This)
{
	return EFI_SUCCESS;
}

static const EFI_FILE_PROTOCOL file_operations = {
	.Revision = EFI_FILE_PROTOCOL_REVISION,
	.Open = file_open,
	.Close = file_close,
	.Delete = file_delete,
	.Read = file_read,
	.Write = file_write,
	.GetPosition = file_get_position,
	.SetPosition = file_set_position,
	.GetInfo = file_get_info,
	.SetInfo = file_set_info,
	.Flush = file_flush,
};

/* A handle on image (NULL: the root). A wrapped image is built once, at
 * open, so that reads are plain copies. */
static EFI_FILE_PROTOCOL *new_file(struct image *image)
{
	struct image_file *file = zalloc(sizeof(*file));
	long len;

	if (!file)
		return NULL;
	file->protocol = file_operations;
	if (image) {
		len = initrd_image_build(image, NULL, 0);
		if (len < 0)
			goto fail;
		file->len = (size_t)len;
		file->data = image->data;
		if (file->len != image->len) {
			file->built = umalloc(file->len ? file->len : 1);
			if (!file->built ||
			    initrd_image_build(image, file->built, file->len) != len) {
				if (file->built)
					ufree(file->built, file->len ? file->len : 1);
				goto fail;
			}
			file->data = file->built;
		}
		image_get(image);
		file->image = image;
	}
	return &file->protocol;

fail:
	free(file);
	return NULL;
}

static EFI_STATUS EFIAPI open_volume(EFI_SIMPLE_FILE_SYSTEM_PROTOCOL *This,
				     EFI_FILE_PROTOCOL **Root)
{
	if (!This || !Root)
		return EFI_INVALID_PARAMETER;
	*Root = new_file(NULL);
	return *Root ? EFI_SUCCESS : EFI_OUT_OF_RESOURCES;
}

static EFI_SIMPLE_FILE_SYSTEM_PROTOCOL file_system = {
	.Revision = EFI_SIMPLE_FILE_SYSTEM_PROTOCOL_REVISION,
	.OpenVolume = open_volume,
};

static int install_file_system(struct efi_boot_device *dev)
{
	return efi_status_to_rc(efi_boot_services->InstallMultipleProtocolInterfaces(
		&dev->handle, &efi_simple_file_system_protocol_guid, &file_system,
		NULL));
}

static void uninstall_file_system(struct efi_boot_device *dev)
{
	efi_boot_services->UninstallMultipleProtocolInterfaces(
		dev->handle, &efi_simple_file_system_protocol_guid, &file_system,
		NULL);
}

EFI_BOOT_DEVICE_PROTOCOL(efi_image_fs_protocol) = {
	.name = "file system",
	.install = install_file_system,
	.uninstall = uninstall_file_system,
};
