/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A stand-in for shim, for testing that what we start is verified through
 * shim's lock protocol: a boot-service driver (loaded as an option ROM)
 * that installs SHIM_LOCK_PROTOCOL and records each Verify call on the
 * console. Like shim in Secure Boot mode, it accepts only images that
 * carry a signature (an Authenticode certificate table); it does not
 * check the signature itself, the firmware tests do that.
 */

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <efi/protocol/shim_lock.h>
#include <wireboot/console.h>
#include <wireboot/efi.h>

EFI_STATUS EFIAPI shimlock_entry(EFI_HANDLE image_handle,
				 EFI_SYSTEM_TABLE *system_table);

#define PE_OFFSET_FIELD 0x3c
#define PE32_PLUS_MAGIC 0x20b
/* The security directory's offset in each optional header kind. */
#define SECURITY_DIRECTORY_PE32 128
#define SECURITY_DIRECTORY_PE32_PLUS 144

static uint32_t le32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

static int has_signature(const uint8_t *image, uint32_t size)
{
	uint32_t pe, optional, directory;

	if (size < PE_OFFSET_FIELD + 4)
		return 0;
	pe = le32(image + PE_OFFSET_FIELD);
	if (pe > size - 24 || memcmp(image + pe, "PE\0\0", 4) != 0)
		return 0;
	optional = pe + 24;
	directory = optional + ((image[optional] | image[optional + 1] << 8) ==
						PE32_PLUS_MAGIC ?
				SECURITY_DIRECTORY_PE32_PLUS : SECURITY_DIRECTORY_PE32);
	if (directory > size - 8)
		return 0;
	return le32(image + directory) != 0 && le32(image + directory + 4) != 0;
}

static EFI_STATUS EFIAPI verify(VOID *buffer, UINT32 size)
{
	int ok = has_signature(buffer, size);

	printf("\nWIREBOOT-SHIMLOCK: verify %u bytes: %s\n", size,
	       ok ? "signed, accepted" : "unsigned, refused");
	console_flush();
	return ok ? EFI_SUCCESS : EFI_SECURITY_VIOLATION;
}

static SHIM_LOCK_PROTOCOL shim_lock = { .Verify = verify };

EFI_STATUS EFIAPI shimlock_entry(EFI_HANDLE image_handle,
				 EFI_SYSTEM_TABLE *system_table)
{
	static EFI_GUID guid = SHIM_LOCK_PROTOCOL_GUID;
	EFI_HANDLE handle = NULL;
	int rc = efi_platform_init(image_handle, system_table);

	if (rc != 0)
		return efi_rc_to_status(rc);
	return efi_boot_services->InstallMultipleProtocolInterfaces(
		&handle, &guid, &shim_lock, NULL);
}
