/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Entry point of UEFI applications (subsystem 10): the firmware calls it
 * with our image handle; returning hands control back to the boot manager.
 */

#include <wireboot/console.h>
#include <wireboot/efi.h>
#include <wireboot/iobuf.h>
#include <wireboot/main.h>
#include <wireboot/tables.h>

/* The program's platform needs (driver images have their own entry point
 * and carry these only in full mode, through LoadFile). */
REQUIRE_OBJECT(efi_program);

EFI_STATUS EFIAPI efi_app_entry(EFI_HANDLE image_handle,
				EFI_SYSTEM_TABLE *system_table);

EFI_STATUS EFIAPI efi_app_entry(EFI_HANDLE image_handle,
				EFI_SYSTEM_TABLE *system_table)
{
	int rc = efi_platform_init(image_handle, system_table);

	if (rc == 0)
		rc = wireboot_main();
	/* Everything we allocated goes back before the firmware continues. */
	iob_cache_flush();
	console_flush();
	return efi_rc_to_status(rc);
}
