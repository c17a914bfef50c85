/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Every protocol, table and variable GUID the platform layer uses, in one
 * object: a GUID
 * written out in several files is a GUID that can be mistyped in one.
 */

#include <efi/config_tables.h>
#include <efi/protocol/component_name2.h>
#include <efi/protocol/device_path.h>
#include <efi/protocol/driver_binding.h>
#include <efi/protocol/load_file.h>
#include <efi/protocol/loaded_image.h>
#include <efi/protocol/pci_io.h>
#include <efi/protocol/pxe_base_code.h>
#include <efi/protocol/simple_file_system.h>
#include <efi/protocol/simple_network.h>
#include <platform/efi/efi_guid.h>

EFI_GUID efi_component_name2_protocol_guid = EFI_COMPONENT_NAME2_PROTOCOL_GUID;
EFI_GUID efi_device_path_protocol_guid = EFI_DEVICE_PATH_PROTOCOL_GUID;
EFI_GUID efi_driver_binding_protocol_guid = EFI_DRIVER_BINDING_PROTOCOL_GUID;
EFI_GUID efi_load_file_protocol_guid = EFI_LOAD_FILE_PROTOCOL_GUID;
EFI_GUID efi_load_file2_protocol_guid = EFI_LOAD_FILE2_PROTOCOL_GUID;
EFI_GUID efi_linux_initrd_media_guid = LINUX_EFI_INITRD_MEDIA_GUID;
EFI_GUID efi_file_info_guid = EFI_FILE_INFO_ID;
EFI_GUID efi_loaded_image_protocol_guid = EFI_LOADED_IMAGE_PROTOCOL_GUID;
EFI_GUID efi_pci_io_protocol_guid = EFI_PCI_IO_PROTOCOL_GUID;
EFI_GUID efi_pxe_base_code_protocol_guid = EFI_PXE_BASE_CODE_PROTOCOL_GUID;
EFI_GUID efi_simple_file_system_protocol_guid = EFI_SIMPLE_FILE_SYSTEM_PROTOCOL_GUID;
EFI_GUID efi_simple_network_protocol_guid = EFI_SIMPLE_NETWORK_PROTOCOL_GUID;
EFI_GUID efi_smbios_table_guid = SMBIOS_TABLE_GUID;
EFI_GUID efi_smbios3_table_guid = SMBIOS3_TABLE_GUID;
EFI_GUID efi_global_variable_guid = EFI_GLOBAL_VARIABLE;
EFI_GUID efi_tls_ca_certificate_guid = EFI_TLS_CA_CERTIFICATE_GUID;
