/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "rombuild.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "byteorder.h"
#include "eficompress.h"
#include "pci_rom.h"
#include "peinfo.h"

/* Fixed layout; the PCIR must be 4-byte aligned for the firmware. */
#define PCIR_OFFSET 0x1c
#define DEVICE_LIST_OFFSET (PCIR_OFFSET + PCIR_SIZE_V3)

static int check_options(const struct rom_build_options *options,
			 char *error, size_t error_len)
{
	if (options->vendor_id == 0 || options->vendor_id == 0xffff) {
		snprintf(error, error_len, "invalid PCI vendor ID 0x%04x",
			 options->vendor_id);
		return -1;
	}
	if (options->device_count == 0 ||
	    options->device_count > ROM_BUILD_MAX_DEVICES) {
		snprintf(error, error_len,
			 "need 1 to %d PCI device IDs, got %zu",
			 ROM_BUILD_MAX_DEVICES, options->device_count);
		return -1;
	}
	for (size_t i = 0; i < options->device_count; i++) {
		uint16_t id = options->device_ids[i];
		if (id == PCIR_DEVICE_LIST_END || id == 0xffff) {
			snprintf(error, error_len, "invalid PCI device ID 0x%04x",
				 id);
			return -1;
		}
		for (size_t j = 0; j < i; j++) {
			if (options->device_ids[j] == id) {
				snprintf(error, error_len,
					 "PCI device ID 0x%04x is given twice", id);
				return -1;
			}
		}
	}
	if (options->class_code > 0xffffff) {
		snprintf(error, error_len,
			 "PCI class code 0x%x does not fit in 24 bits",
			 options->class_code);
		return -1;
	}
	return 0;
}

/* Only drivers are started from option ROMs; anything else is a mistake. */
static int check_pe(const uint8_t *pe, size_t pe_len, struct pe_info *info,
		    char *error, size_t error_len)
{
	uint16_t magic;

	if (pe_read_info(pe, pe_len, info, error, error_len))
		return -1;
	magic = pe_machine_optional_magic(info->machine);
	if (!magic) {
		snprintf(error, error_len,
			 "PE machine 0x%04x (%s) has no UEFI binding known here",
			 info->machine, pe_machine_name(info->machine));
		return -1;
	}
	if (info->optional_magic != magic) {
		snprintf(error, error_len,
			 "not a %s image, as machine 0x%04x (%s) needs (optional header magic 0x%x, want 0x%x)",
			 magic == PE_OPTIONAL_MAGIC_PE32 ? "PE32" : "PE32+",
			 info->machine, pe_machine_name(info->machine),
			 info->optional_magic, magic);
		return -1;
	}
	if (info->subsystem != PE_SUBSYSTEM_EFI_BOOT_SERVICE_DRIVER &&
	    info->subsystem != PE_SUBSYSTEM_EFI_RUNTIME_DRIVER) {
		snprintf(error, error_len,
			 "PE subsystem %u (%s) is not an EFI driver; firmware only starts subsystem %d or %d from an option ROM",
			 info->subsystem, pe_subsystem_name(info->subsystem),
			 PE_SUBSYSTEM_EFI_BOOT_SERVICE_DRIVER,
			 PE_SUBSYSTEM_EFI_RUNTIME_DRIVER);
		return -1;
	}
	return 0;
}

static void write_header(uint8_t *rom, const struct pe_info *pe,
			 const struct rom_build_options *options,
			 size_t image_offset, uint16_t blocks)
{
	put_le16(rom + PCI_ROM_OFF_SIGNATURE, PCI_ROM_SIGNATURE);
	put_le16(rom + PCI_ROM_OFF_EFI_INIT_SIZE, blocks);
	put_le32(rom + PCI_ROM_OFF_EFI_SIGNATURE, PCI_ROM_EFI_SIGNATURE);
	put_le16(rom + PCI_ROM_OFF_EFI_SUBSYSTEM, pe->subsystem);
	put_le16(rom + PCI_ROM_OFF_EFI_MACHINE, pe->machine);
	put_le16(rom + PCI_ROM_OFF_EFI_COMPRESSION,
		 options->compress ? PCI_ROM_EFI_COMPRESSED
				   : PCI_ROM_EFI_UNCOMPRESSED);
	put_le16(rom + PCI_ROM_OFF_EFI_IMAGE, (uint16_t)image_offset);
	put_le16(rom + PCI_ROM_OFF_PCIR, PCIR_OFFSET);
}

static void write_pcir(uint8_t *rom, const struct rom_build_options *options,
		       uint16_t blocks)
{
	uint8_t *pcir = rom + PCIR_OFFSET;
	uint8_t *list = rom + DEVICE_LIST_OFFSET;

	memcpy(pcir + PCIR_OFF_SIGNATURE, PCIR_SIGNATURE, 4);
	put_le16(pcir + PCIR_OFF_VENDOR, options->vendor_id);
	put_le16(pcir + PCIR_OFF_DEVICE, options->device_ids[0]);
	put_le16(pcir + PCIR_OFF_DEVICE_LIST, DEVICE_LIST_OFFSET - PCIR_OFFSET);
	put_le16(pcir + PCIR_OFF_LENGTH, PCIR_SIZE_V3);
	pcir[PCIR_OFF_REVISION] = PCIR_REVISION_3;
	pcir[PCIR_OFF_CLASS] = (uint8_t)options->class_code;
	pcir[PCIR_OFF_CLASS + 1] = (uint8_t)(options->class_code >> 8);
	pcir[PCIR_OFF_CLASS + 2] = (uint8_t)(options->class_code >> 16);
	put_le16(pcir + PCIR_OFF_IMAGE_LENGTH, blocks);
	pcir[PCIR_OFF_CODE_TYPE] = PCIR_CODE_TYPE_EFI;
	pcir[PCIR_OFF_INDICATOR] = PCIR_INDICATOR_LAST;
	/* Code revision, runtime length, config utility and CLP: unused, 0. */

	for (size_t i = 0; i < options->device_count; i++)
		put_le16(list + 2 * i, options->device_ids[i]);
	put_le16(list + 2 * options->device_count, PCIR_DEVICE_LIST_END);
}

int rom_build_efi(const uint8_t *pe, size_t pe_len,
		  const struct rom_build_options *options, uint8_t **rom,
		  size_t *rom_len, char *error, size_t error_len)
{
	struct pe_info info;
	uint8_t *compressed = NULL;
	const uint8_t *payload = pe;
	size_t payload_len = pe_len;
	size_t image_offset, used, size;
	uint8_t *out;

	*rom = NULL;
	*rom_len = 0;
	if (check_options(options, error, error_len) ||
	    check_pe(pe, pe_len, &info, error, error_len))
		return -1;
	if (options->compress) {
		if (efi_compress(pe, pe_len, &compressed, &payload_len)) {
			snprintf(error, error_len,
				 "cannot compress a %zu-byte image", pe_len);
			return -1;
		}
		payload = compressed;
	}

	image_offset = DEVICE_LIST_OFFSET + 2 * (options->device_count + 1);
	image_offset = (image_offset + ROM_BUILD_IMAGE_ALIGN - 1) /
		       ROM_BUILD_IMAGE_ALIGN * ROM_BUILD_IMAGE_ALIGN;
	used = image_offset + payload_len + 1;	/* + the checksum byte */
	size = (used + PCI_ROM_BLOCK_SIZE - 1) / PCI_ROM_BLOCK_SIZE *
	       PCI_ROM_BLOCK_SIZE;
	if (size / PCI_ROM_BLOCK_SIZE > PCI_ROM_MAX_BLOCKS) {
		snprintf(error, error_len,
			 "a %zu-byte ROM image does not fit the 16-bit PCI image length (at most %d bytes)",
			 size, PCI_ROM_MAX_BLOCKS * PCI_ROM_BLOCK_SIZE);
		free(compressed);
		return -1;
	}
	out = calloc(1, size);
	if (!out) {
		snprintf(error, error_len, "out of memory");
		free(compressed);
		return -1;
	}

	uint16_t blocks = (uint16_t)(size / PCI_ROM_BLOCK_SIZE);
	write_header(out, &info, options, image_offset, blocks);
	write_pcir(out, options, blocks);
	memcpy(out + image_offset, payload, payload_len);
	free(compressed);
	out[size - 1] = (uint8_t)-pci_rom_byte_sum(out, size - 1);

	*rom = out;
	*rom_len = size;
	return 0;
}
