/*
 * Entry point of UEFI applications (subsystem 10): the firmware calls it
 * with our image handle; returning hands control back to the boot manager.
 */

#include <wireboot/console.h>
#include <wireboot/efi.h>
#include <wireboot/main.h>
#include <wireboot/tables.h>

/*
 * What an application needs from the UEFI platform beyond its entry point:
 * it starts EFI programs, powers off, and tells scripts its platform. Driver
 * images have their own entry point and so never carry these.
 */
REQUIRE_OBJECT(efi_image);
REQUIRE_OBJECT(efi_power_cmd);
REQUIRE_OBJECT(efi_settings);

EFI_STATUS EFIAPI efi_app_entry(EFI_HANDLE image_handle,
				EFI_SYSTEM_TABLE *system_table);

EFI_STATUS EFIAPI efi_app_entry(EFI_HANDLE image_handle,
				EFI_SYSTEM_TABLE *system_table)
{
	int rc = efi_platform_init(image_handle, system_table);

	if (rc == 0)
		rc = wireboot_main();
	console_flush();
	return efi_rc_to_status(rc);
}
