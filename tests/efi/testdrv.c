/*
 * A minimal boot-service driver (subsystem 11) for testing the driver image
 * format and option ROMs: its entry point prints one line and stays
 * resident, which is all the firmware needs to see to accept the image.
 */

#include <stdio.h>
#include <wireboot/build.h>
#include <wireboot/console.h>
#include <wireboot/efi.h>

EFI_STATUS EFIAPI testdrv_entry(EFI_HANDLE image_handle,
				EFI_SYSTEM_TABLE *system_table);

EFI_STATUS EFIAPI testdrv_entry(EFI_HANDLE image_handle,
				EFI_SYSTEM_TABLE *system_table)
{
	int rc = efi_platform_init(image_handle, system_table);

	if (rc != 0)
		return efi_rc_to_status(rc);
	printf("\nWIREBOOT-TESTDRV: driver entry point reached\n");
	console_flush();
	return EFI_SUCCESS;
}
