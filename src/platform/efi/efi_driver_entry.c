/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Entry point of driver images (subsystem 11: .efidrv, and .efirom option
 * ROMs). The firmware loads the image while it enumerates PCI (or when
 * "load" runs it from the shell); we install the driver binding and the
 * component names on our image handle and return: the firmware then
 * calls the binding for each controller. The image can be unloaded
 * (UnloadImage, the shell's "unload"): every NIC is disconnected and
 * everything we installed goes, leaving nothing behind.
 *
 * Nothing here prints: during PCI enumeration there is no console yet.
 */

#include <platform/efi/efi_driver.h>
#include <platform/efi/efi_guid.h>
#include <wireboot/efi.h>
#include <wireboot/iobuf.h>

PROVIDE_OBJECT(efi_driver_entry);

EFI_STATUS EFIAPI efi_driver_entry(EFI_HANDLE image_handle,
				   EFI_SYSTEM_TABLE *system_table);


static EFI_STATUS EFIAPI efi_driver_unload(EFI_HANDLE image_handle)
{
	struct efi_driver_device *dev, *next;

	if (image_handle != efi_image_handle)
		return EFI_INVALID_PARAMETER;
	list_for_each_entry_safe(dev, next, &efi_driver_devices, pci.list)
		efi_boot_services->DisconnectController(dev->pci.handle,
							efi_image_handle, NULL);
	/* A NIC whose users would not let go keeps us loaded. */
	if (!list_empty(&efi_driver_devices))
		return EFI_DEVICE_ERROR;
	iob_cache_flush();
	return efi_boot_services->UninstallMultipleProtocolInterfaces(
		efi_image_handle, &efi_driver_binding_protocol_guid, &efi_driver_binding,
		&efi_component_name2_protocol_guid, &efi_driver_component_name, NULL);
}

EFI_STATUS EFIAPI efi_driver_entry(EFI_HANDLE image_handle,
				   EFI_SYSTEM_TABLE *system_table)
{
	EFI_HANDLE handle = image_handle;
	EFI_STATUS status;
	int rc;

	rc = efi_platform_init(image_handle, system_table);
	if (rc != 0)
		return efi_rc_to_status(rc);
	efi_driver_name_init();
	efi_driver_binding.ImageHandle = image_handle;
	efi_driver_binding.DriverBindingHandle = image_handle;
	status = efi_boot_services->InstallMultipleProtocolInterfaces(
		&handle, &efi_driver_binding_protocol_guid, &efi_driver_binding,
		&efi_component_name2_protocol_guid, &efi_driver_component_name, NULL);
	if (EFI_ERROR(status))
		return status;
	efi_loaded_image->Unload = efi_driver_unload;
	return EFI_SUCCESS;
}
