/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Platform state for an image the firmware has just entered. */

#include <errno.h>
#include <platform/efi/efi_guid.h>
#include <wireboot/efi.h>
#include <wireboot/tables.h>

/* Every UEFI image talks through the firmware's text console. */
REQUIRE_OBJECT(efi_console);

EFI_HANDLE efi_image_handle;
EFI_SYSTEM_TABLE *efi_system_table;
EFI_BOOT_SERVICES *efi_boot_services;
EFI_LOADED_IMAGE_PROTOCOL *efi_loaded_image;

int efi_platform_init(EFI_HANDLE image_handle, EFI_SYSTEM_TABLE *system_table)
{
	EFI_STATUS status;
	void *interface;

	efi_image_handle = image_handle;
	efi_system_table = system_table;
	efi_boot_services = system_table->BootServices;

	/* The loaded image tells us where we came from, our load options and
	 * which memory type our allocations should use (loader data for an
	 * application, boot-services data for a driver). */
	status = efi_boot_services->OpenProtocol(
		image_handle, &efi_loaded_image_protocol_guid, &interface, image_handle,
		NULL, EFI_OPEN_PROTOCOL_GET_PROTOCOL);
	if (EFI_ERROR(status))
		return efi_status_to_rc(status);
	efi_loaded_image = interface;

	/* A firmware watchdog (five minutes by default) would reset the
	 * machine under a long download; the boot manager re-arms it for
	 * whatever we start next. */
	efi_boot_services->SetWatchdogTimer(0, 0, 0, NULL);

	efi_timer_init();
	return 0;
}
