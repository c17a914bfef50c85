/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef PLATFORM_EFI_EFI_GUID_H
#define PLATFORM_EFI_EFI_GUID_H

/*
 * The protocol GUIDs the platform layer asks the firmware for, each
 * defined once (efi_guid.c) from the specification's values in
 * src/include/efi/. Not const: boot services take EFI_GUID *.
 */

#include <efi/efi.h>

extern EFI_GUID efi_component_name2_protocol_guid;
extern EFI_GUID efi_device_path_protocol_guid;
extern EFI_GUID efi_driver_binding_protocol_guid;
extern EFI_GUID efi_load_file_protocol_guid;
extern EFI_GUID efi_load_file2_protocol_guid;
extern EFI_GUID efi_linux_initrd_media_guid;
extern EFI_GUID efi_file_info_guid;
extern EFI_GUID efi_loaded_image_protocol_guid;
extern EFI_GUID efi_pci_io_protocol_guid;
extern EFI_GUID efi_pxe_base_code_protocol_guid;
extern EFI_GUID efi_simple_file_system_protocol_guid;
extern EFI_GUID efi_simple_network_protocol_guid;
extern EFI_GUID efi_smbios_table_guid;
extern EFI_GUID efi_smbios3_table_guid;
extern EFI_GUID efi_global_variable_guid;
extern EFI_GUID efi_tls_ca_certificate_guid;

#endif
