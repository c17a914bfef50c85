/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef EFI_CONFIG_TABLES_H
#define EFI_CONFIG_TABLES_H

/* GUIDs of configuration tables (UEFI 2.10, section 4.6) and of the
 * variables the specification defines (section 3.3). */

/* The SMBIOS 2.x entry point ("_SM_"). */
#define SMBIOS_TABLE_GUID                                                    \
	{ 0xeb9d2d31, 0x2d88, 0x11d3,                                        \
	  { 0x9a, 0x16, 0x00, 0x90, 0x27, 0x3f, 0xc1, 0x4d } }

/* The SMBIOS 3.x entry point ("_SM3_"). */
#define SMBIOS3_TABLE_GUID                                                   \
	{ 0xf2fd1544, 0x9794, 0x4a2c,                                        \
	  { 0x99, 0x2e, 0xe5, 0xbb, 0xcf, 0x20, 0xe3, 0x94 } }

/* The specification's own variables: SecureBoot, BootOrder, ... */
#define EFI_GLOBAL_VARIABLE                                                  \
	{ 0x8be4df61, 0x93ca, 0x11d2,                                        \
	  { 0xaa, 0x0d, 0x00, 0xe0, 0x98, 0x03, 0x2b, 0x8c } }

/* The vendor GUID of the TlsCaCertificate variable (UEFI, TLS). */
#define EFI_TLS_CA_CERTIFICATE_GUID                                          \
	{ 0xfd2340d0, 0x3dab, 0x4349,                                        \
	  { 0xa6, 0xc7, 0x3b, 0x4f, 0x12, 0xb5, 0x6a, 0x5c } }

#endif
