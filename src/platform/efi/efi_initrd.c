/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The initramfs for Linux's EFI stub (5.8 and later): the stub locates
 * the vendor media device path LINUX_EFI_INITRD_MEDIA_GUID, calls its
 * EFI_LOAD_FILE2_PROTOCOL once with no buffer to learn the size and once
 * more to fill the buffer it allocated. The initramfs is built straight
 * into that buffer (wireboot/initrd.h), so nothing is copied twice.
 *
 * The protocol exists only while the kernel runs from image_exec(): an
 * older kernel ignores it, and a command line with "initrd=" gets no
 * LoadFile2 at all, since the stub would prefer it over the file named.
 */

#include <string.h>
#include <efi/protocol/load_file.h>
#include <platform/efi/efi_guid.h>
#include <platform/efi/efi_initrd.h>
#include <platform/efi/efi_path.h>
#include <wireboot/efi.h>
#include <wireboot/initrd.h>

struct initrd_media_path {
	EFI_DEVICE_PATH_PROTOCOL vendor;
	EFI_GUID guid;
	EFI_DEVICE_PATH_PROTOCOL end;
} __attribute__((packed));

static struct initrd_media_path media_path;
static EFI_HANDLE handle;
static const struct image *initrd_kernel;

static EFI_STATUS EFIAPI load_initrd(EFI_LOAD_FILE_PROTOCOL *This,
				     EFI_DEVICE_PATH_PROTOCOL *FilePath,
				     BOOLEAN BootPolicy, UINTN *BufferSize,
				     VOID *Buffer)
{
	long len;

	if (!This || !BufferSize || !FilePath)
		return EFI_INVALID_PARAMETER;
	if (BootPolicy)
		return EFI_UNSUPPORTED;
	len = initrd_build(initrd_kernel, NULL, 0);
	if (len < 0)
		return efi_rc_to_status((int)len);
	if (!Buffer || *BufferSize < (UINTN)len) {
		*BufferSize = (UINTN)len;
		return EFI_BUFFER_TOO_SMALL;
	}
	len = initrd_build(initrd_kernel, Buffer, *BufferSize);
	if (len < 0)
		return efi_rc_to_status((int)len);
	*BufferSize = (UINTN)len;
	return EFI_SUCCESS;
}

static EFI_LOAD_FILE_PROTOCOL load_file2 = { .LoadFile = load_initrd };

/* "initrd=" at the start of a word. */
static bool names_initrd_file(const char *cmdline)
{
	const char *at = cmdline;

	while (cmdline && (at = strstr(at, "initrd="))) {
		if (at == cmdline || at[-1] == ' ')
			return true;
		at++;
	}
	return false;
}

void efi_initrd_install(const struct image *kernel)
{
	if (handle || names_initrd_file(kernel->cmdline) ||
	    initrd_build(kernel, NULL, 0) <= 0)
		return;
	efi_path_set_node(&media_path.vendor, MEDIA_DEVICE_PATH,
			  MEDIA_VENDOR_DP,
			  sizeof(media_path.vendor) + sizeof(media_path.guid));
	media_path.guid = efi_linux_initrd_media_guid;
	efi_path_set_end(&media_path.end);
	initrd_kernel = kernel;
	if (EFI_ERROR(efi_boot_services->InstallMultipleProtocolInterfaces(
		    &handle, &efi_device_path_protocol_guid, &media_path,
		    &efi_load_file2_protocol_guid, &load_file2, NULL)))
		handle = NULL;
}

void efi_initrd_uninstall(void)
{
	if (!handle)
		return;
	efi_boot_services->UninstallMultipleProtocolInterfaces(
		handle, &efi_device_path_protocol_guid, &media_path,
		&efi_load_file2_protocol_guid, &load_file2, NULL);
	handle = NULL;
	initrd_kernel = NULL;
}
