/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "peinfo.h"

#include <stdio.h>

#include "byteorder.h"

#define DOS_MAGIC 0x5a4d		/* "MZ" */
#define DOS_OFF_PE_HEADER 0x3c		/* uint32, e_lfanew */
#define DOS_HEADER_SIZE 0x40
#define PE_SIGNATURE_SIZE 4		/* "PE\0\0" */
#define COFF_OFF_MACHINE 0
#define COFF_OFF_OPTIONAL_SIZE 16
#define COFF_HEADER_SIZE 20
#define OPTIONAL_OFF_MAGIC 0
#define OPTIONAL_OFF_SUBSYSTEM 68	/* same in PE32 and PE32+ */
#define OPTIONAL_MIN_SIZE (OPTIONAL_OFF_SUBSYSTEM + 2)

int pe_read_info(const uint8_t *image, size_t len, struct pe_info *info,
		 char *error, size_t error_len)
{
	size_t pe_offset, coff, optional;

	if (len < DOS_HEADER_SIZE || get_le16(image) != DOS_MAGIC) {
		snprintf(error, error_len, "not a PE image: no MZ header");
		return -1;
	}
	pe_offset = get_le32(image + DOS_OFF_PE_HEADER);
	if (pe_offset > len ||
	    len - pe_offset < PE_SIGNATURE_SIZE + COFF_HEADER_SIZE) {
		snprintf(error, error_len,
			 "PE header offset 0x%zx is beyond the %zu-byte image",
			 pe_offset, len);
		return -1;
	}
	if (image[pe_offset] != 'P' || image[pe_offset + 1] != 'E' ||
	    image[pe_offset + 2] || image[pe_offset + 3]) {
		snprintf(error, error_len, "no PE signature at offset 0x%zx",
			 pe_offset);
		return -1;
	}
	coff = pe_offset + PE_SIGNATURE_SIZE;
	optional = coff + COFF_HEADER_SIZE;
	if (get_le16(image + coff + COFF_OFF_OPTIONAL_SIZE) < OPTIONAL_MIN_SIZE ||
	    len - optional < OPTIONAL_MIN_SIZE) {
		snprintf(error, error_len,
			 "PE optional header at offset 0x%zx is truncated",
			 optional);
		return -1;
	}
	info->machine = get_le16(image + coff + COFF_OFF_MACHINE);
	info->optional_magic = get_le16(image + optional + OPTIONAL_OFF_MAGIC);
	info->subsystem = get_le16(image + optional + OPTIONAL_OFF_SUBSYSTEM);
	if (info->optional_magic != PE_OPTIONAL_MAGIC_PE32 &&
	    info->optional_magic != PE_OPTIONAL_MAGIC_PE32_PLUS) {
		snprintf(error, error_len,
			 "unknown PE optional header magic 0x%x",
			 info->optional_magic);
		return -1;
	}
	return 0;
}

const char *pe_machine_name(uint16_t machine)
{
	switch (machine) {
	case PE_MACHINE_I386:
		return "i386";
	case PE_MACHINE_X86_64:
		return "x86_64";
	case PE_MACHINE_ARM64:
		return "arm64";
	case 0x01c2:
		return "arm (thumb)";
	case 0x01c4:
		return "arm (thumb-2)";
	case 0x0200:
		return "ia64";
	case 0x0ebc:
		return "ebc";
	case 0x5064:
		return "riscv64";
	case 0x6264:
		return "loongarch64";
	default:
		return "unknown";
	}
}

const char *pe_machine_uefi_name(uint16_t machine)
{
	switch (machine) {
	case PE_MACHINE_I386:
		return "IA32";
	case PE_MACHINE_X86_64:
		return "X64";
	case PE_MACHINE_ARM64:
		return "AA64";
	case 0x01c2:
		return "ARM";
	case 0x5064:
		return "RISCV64";
	case 0x6264:
		return "LOONGARCH64";
	default:
		return NULL;
	}
}

uint16_t pe_machine_optional_magic(uint16_t machine)
{
	switch (machine) {
	case PE_MACHINE_I386:
	case 0x01c2:
	case 0x01c4:
		return PE_OPTIONAL_MAGIC_PE32;
	case PE_MACHINE_X86_64:
	case PE_MACHINE_ARM64:
	case 0x0200:
	case 0x5064:
	case 0x6264:
		return PE_OPTIONAL_MAGIC_PE32_PLUS;
	default:
		return 0;
	}
}

const char *pe_subsystem_name(uint16_t subsystem)
{
	switch (subsystem) {
	case PE_SUBSYSTEM_EFI_APPLICATION:
		return "EFI application";
	case PE_SUBSYSTEM_EFI_BOOT_SERVICE_DRIVER:
		return "EFI boot service driver";
	case PE_SUBSYSTEM_EFI_RUNTIME_DRIVER:
		return "EFI runtime driver";
	case PE_SUBSYSTEM_EFI_ROM:
		return "EFI ROM";
	default:
		return "not EFI";
	}
}
