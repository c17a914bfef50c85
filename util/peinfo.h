/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef UTIL_PEINFO_H
#define UTIL_PEINFO_H

/*
 * The few PE/COFF header fields the ROM tools need (Microsoft PE format
 * specification): machine, subsystem and optional header magic, read with
 * every offset bounds checked.
 */

#include <stddef.h>
#include <stdint.h>

#define PE_OPTIONAL_MAGIC_PE32 0x10b
#define PE_OPTIONAL_MAGIC_PE32_PLUS 0x20b

#define PE_SUBSYSTEM_EFI_APPLICATION 10
#define PE_SUBSYSTEM_EFI_BOOT_SERVICE_DRIVER 11
#define PE_SUBSYSTEM_EFI_RUNTIME_DRIVER 12
#define PE_SUBSYSTEM_EFI_ROM 13

#define PE_MACHINE_I386 0x014c
#define PE_MACHINE_X86_64 0x8664
#define PE_MACHINE_ARM64 0xaa64

struct pe_info {
	uint16_t machine;
	uint16_t subsystem;
	uint16_t optional_magic;
};

/*
 * Read the headers of a PE image (PE32 or PE32+). Returns 0, or -1 with a
 * one-line reason in error (like "no PE signature at offset 0x80").
 */
int pe_read_info(const uint8_t *image, size_t len, struct pe_info *info,
		 char *error, size_t error_len);

/* Human-readable names; "unknown" for values not listed. */
const char *pe_machine_name(uint16_t machine);
/* The UEFI specification's short name of a machine type, as in the
 * removable-media boot file BOOT<name>.EFI ("X64", "AA64", "IA32"); NULL
 * for machines UEFI has no binding for. */
const char *pe_machine_uefi_name(uint16_t machine);
/* The optional header a machine's images carry: PE32 on 32-bit machines,
 * PE32+ on 64-bit ones; 0 when the machine is not known here. */
uint16_t pe_machine_optional_magic(uint16_t machine);
const char *pe_subsystem_name(uint16_t subsystem);

#endif
