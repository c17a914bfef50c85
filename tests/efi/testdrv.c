/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A minimal boot-service driver (subsystem 11) for testing the driver image
 * format and option ROMs. The firmware runs option ROM drivers while it
 * enumerates PCI, before any console is connected, so what the entry point
 * prints is lost; it therefore also prints when the boot manager signals
 * ready-to-boot, which proves the driver was loaded and stayed resident.
 */

#include <stdio.h>
#include <wireboot/console.h>
#include <wireboot/efi.h>
#include <efi/event_groups.h>

EFI_STATUS EFIAPI testdrv_entry(EFI_HANDLE image_handle,
				EFI_SYSTEM_TABLE *system_table);

static EFI_EVENT ready_to_boot_event;

static VOID EFIAPI announce_at_ready_to_boot(EFI_EVENT event, VOID *context)
{
	printf("\nWIREBOOT-TESTDRV: driver entry point reached, resident at ready-to-boot\n");
	console_flush();
	efi_boot_services->CloseEvent(event);
}

EFI_STATUS EFIAPI testdrv_entry(EFI_HANDLE image_handle,
				EFI_SYSTEM_TABLE *system_table)
{
	static const EFI_GUID ready_to_boot = EFI_EVENT_GROUP_READY_TO_BOOT;
	EFI_STATUS status;
	int rc = efi_platform_init(image_handle, system_table);

	if (rc != 0)
		return efi_rc_to_status(rc);
	printf("\nWIREBOOT-TESTDRV: driver entry point reached\n");
	console_flush();
	status = efi_boot_services->CreateEventEx(
		EVT_NOTIFY_SIGNAL, TPL_CALLBACK, announce_at_ready_to_boot,
		NULL, &ready_to_boot, &ready_to_boot_event);
	return status;
}
