/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "romparse.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "byteorder.h"
#include "efidecompress.h"
#include "pci_rom.h"

__attribute__((format(printf, 2, 3)))
static void set_error(char *error, const char *format, ...)
{
	va_list args;

	va_start(args, format);
	vsnprintf(error, ROM_PARSE_ERROR_LEN, format, args);
	va_end(args);
}

/*
 * Header and PCI data structure: what is needed to find the next image.
 * Failing here ends the chain walk.
 */
static int parse_structure(const uint8_t *data, size_t len, size_t offset,
			   struct rom_image *img, char *error)
{
	const uint8_t *rom = data + offset;
	size_t available = len - offset, pcir_offset;
	const uint8_t *pcir;

	img->offset = offset;
	if (available < PCI_ROM_HEADER_SIZE) {
		set_error(error, "truncated image header at offset 0x%zx: %zu bytes left, need %d",
			  offset, available, PCI_ROM_HEADER_SIZE);
		return -1;
	}
	if (get_le16(rom + PCI_ROM_OFF_SIGNATURE) != PCI_ROM_SIGNATURE) {
		set_error(error, "bad ROM signature 0x%04x at offset 0x%zx (want 0x55 0xaa)",
			  get_le16(rom), offset);
		return -1;
	}
	pcir_offset = get_le16(rom + PCI_ROM_OFF_PCIR);
	if (pcir_offset < PCI_ROM_HEADER_SIZE || pcir_offset % 4) {
		set_error(error, "bad PCIR offset 0x%zx in image at offset 0x%zx",
			  pcir_offset, offset);
		return -1;
	}
	if (pcir_offset > available || available - pcir_offset < PCIR_SIZE_V2) {
		set_error(error, "truncated PCI data structure at offset 0x%zx",
			  offset + pcir_offset);
		return -1;
	}
	pcir = rom + pcir_offset;
	if (memcmp(pcir + PCIR_OFF_SIGNATURE, PCIR_SIGNATURE, 4)) {
		set_error(error, "bad PCIR signature at offset 0x%zx",
			  offset + pcir_offset);
		return -1;
	}
	img->vendor_id = get_le16(pcir + PCIR_OFF_VENDOR);
	img->device_id = get_le16(pcir + PCIR_OFF_DEVICE);
	img->pcir_length = get_le16(pcir + PCIR_OFF_LENGTH);
	img->pcir_revision = pcir[PCIR_OFF_REVISION];
	img->class_code = (uint32_t)pcir[PCIR_OFF_CLASS + 2] << 16 |
			  (uint32_t)pcir[PCIR_OFF_CLASS + 1] << 8 |
			  pcir[PCIR_OFF_CLASS];
	img->length = (size_t)get_le16(pcir + PCIR_OFF_IMAGE_LENGTH) *
		      PCI_ROM_BLOCK_SIZE;
	img->code_revision = get_le16(pcir + PCIR_OFF_CODE_REVISION);
	img->code_type = pcir[PCIR_OFF_CODE_TYPE];
	img->last = pcir[PCIR_OFF_INDICATOR] & PCIR_INDICATOR_LAST;

	if (img->length == 0) {
		set_error(error, "image at offset 0x%zx has PCIR image length 0",
			  offset);
		return -1;
	}
	if (img->length > available) {
		set_error(error, "truncated image at offset 0x%zx: PCIR says %zu bytes, the file has %zu",
			  offset, img->length, available);
		return -1;
	}
	if (pcir_offset + PCIR_SIZE_V2 > img->length) {
		set_error(error, "PCI data structure of image at offset 0x%zx lies outside the image",
			  offset);
		return -1;
	}
	return 0;
}

/* Revision 3 list of further device IDs, ended by a zero entry. */
static int parse_device_list(const uint8_t *data, struct rom_image *img)
{
	const uint8_t *rom = data + img->offset;
	size_t pcir_offset = get_le16(rom + PCI_ROM_OFF_PCIR);
	size_t list_offset = get_le16(rom + pcir_offset + PCIR_OFF_DEVICE_LIST);
	size_t start = pcir_offset + list_offset, count = 0;

	if (img->pcir_revision < PCIR_REVISION_3 || list_offset == 0)
		return 0;
	for (;; count++) {
		if (start > img->length || (img->length - start) / 2 <= count) {
			set_error(img->error, "device list at offset 0x%zx has no end marker inside the image",
				  img->offset + start);
			return -1;
		}
		if (get_le16(rom + start + 2 * count) == PCIR_DEVICE_LIST_END)
			break;
	}
	img->device_list = malloc((count ? count : 1) * sizeof(uint16_t));
	if (!img->device_list) {
		set_error(img->error, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < count; i++)
		img->device_list[i] = get_le16(rom + start + 2 * i);
	img->device_count = count;
	return 0;
}

static int check_initialization_size(const uint8_t *data, struct rom_image *img)
{
	const uint8_t *rom = data + img->offset;

	switch (img->code_type) {
	case PCIR_CODE_TYPE_X86:
		img->initialization_size =
			(size_t)rom[PCI_ROM_OFF_LEGACY_SIZE] * PCI_ROM_BLOCK_SIZE;
		break;
	case PCIR_CODE_TYPE_EFI:
		img->initialization_size =
			(size_t)get_le16(rom + PCI_ROM_OFF_EFI_INIT_SIZE) *
			PCI_ROM_BLOCK_SIZE;
		break;
	default:
		img->initialization_size = img->length;
		break;
	}
	if (img->initialization_size == 0 ||
	    img->initialization_size > img->length) {
		set_error(img->error, "initialization size %zu bytes of image at offset 0x%zx is not within its length %zu",
			  img->initialization_size, img->offset, img->length);
		img->initialization_size = 0;
		return -1;
	}
	img->checksum_ok = pci_rom_byte_sum(rom, img->initialization_size) == 0;
	return 0;
}

/* The PE image inside an EFI image, decompressed if need be. */
static int inspect_pe(struct rom_image *img, const uint8_t *pe, size_t pe_len)
{
	char reason[ROM_PARSE_ERROR_LEN];
	int rc;

	img->pe_size = pe_len;
	if (pe_read_info(pe, pe_len, &img->pe, reason, sizeof(reason))) {
		set_error(img->error, "EFI image at offset 0x%zx: %s",
			  img->offset, reason);
		return -1;
	}
	img->pe_ok = true;
	rc = build_record_find(pe, pe_len, &img->build, reason, sizeof(reason));
	if (rc < 0) {
		set_error(img->error, "EFI image at offset 0x%zx: %s",
			  img->offset, reason);
		return -1;
	}
	img->has_build_record = rc > 0;
	if (img->pe.subsystem != img->efi_subsystem ||
	    img->pe.machine != img->efi_machine) {
		set_error(img->error, "EFI image at offset 0x%zx: ROM header says subsystem %u machine 0x%04x, the PE image says subsystem %u machine 0x%04x",
			  img->offset, img->efi_subsystem, img->efi_machine,
			  img->pe.subsystem, img->pe.machine);
		return -1;
	}
	return 0;
}

static int parse_efi(const uint8_t *data, struct rom_image *img,
		     size_t max_decompressed)
{
	const uint8_t *rom = data + img->offset;
	uint32_t signature = get_le32(rom + PCI_ROM_OFF_EFI_SIGNATURE);
	const uint8_t *stored;
	uint32_t compressed_size, original_size;
	uint8_t *pe;
	size_t pe_len;
	int rc;

	if (signature != PCI_ROM_EFI_SIGNATURE) {
		set_error(img->error, "EFI image at offset 0x%zx has EFI signature 0x%x, want 0x%x",
			  img->offset, signature, PCI_ROM_EFI_SIGNATURE);
		return -1;
	}
	img->efi_subsystem = get_le16(rom + PCI_ROM_OFF_EFI_SUBSYSTEM);
	img->efi_machine = get_le16(rom + PCI_ROM_OFF_EFI_MACHINE);
	img->compression_type = get_le16(rom + PCI_ROM_OFF_EFI_COMPRESSION);
	img->efi_image_offset = get_le16(rom + PCI_ROM_OFF_EFI_IMAGE);
	if (img->efi_image_offset < PCI_ROM_HEADER_SIZE ||
	    img->efi_image_offset >= img->initialization_size) {
		set_error(img->error, "EFI image at offset 0x%zx: PE image offset 0x%x is outside the initialization size %zu",
			  img->offset, img->efi_image_offset,
			  img->initialization_size);
		return -1;
	}
	stored = rom + img->efi_image_offset;
	img->stored_size = img->initialization_size - img->efi_image_offset;

	switch (img->compression_type) {
	case PCI_ROM_EFI_UNCOMPRESSED:
		img->pe_data = malloc(img->stored_size);
		if (img->pe_data)
			memcpy(img->pe_data, stored, img->stored_size);
		return inspect_pe(img, stored, img->stored_size);
	case PCI_ROM_EFI_COMPRESSED:
		rc = efi_decompress_sizes(stored, img->stored_size,
					  &compressed_size, &original_size);
		if (rc == 0) {
			img->stored_size = (size_t)compressed_size + 8;
			rc = efi_decompress(stored, img->stored_size,
					    max_decompressed, &pe, &pe_len);
		}
		if (rc) {
			set_error(img->error, "EFI image at offset 0x%zx: %s",
				  img->offset, efi_decompress_strerror(rc));
			return -1;
		}
		img->pe_data = pe;	/* kept for extraction */
		return inspect_pe(img, pe, pe_len);
	default:
		set_error(img->error, "EFI image at offset 0x%zx: unknown compression type %u",
			  img->offset, img->compression_type);
		return -1;
	}
}

static int parse_contents(const uint8_t *data, struct rom_image *img,
			  size_t max_decompressed)
{
	if (parse_device_list(data, img) || check_initialization_size(data, img))
		return -1;
	if (img->code_type == PCIR_CODE_TYPE_EFI)
		return parse_efi(data, img, max_decompressed);
	return 0;
}

int rom_parse(const uint8_t *data, size_t len, size_t max_decompressed,
	      struct rom_file *rom)
{
	size_t offset = 0, capacity = 0;
	int rc = 0;

	memset(rom, 0, sizeof(*rom));
	if (len == 0) {
		set_error(rom->error, "empty file");
		return -1;
	}
	for (;;) {
		if (rom->count == capacity) {
			size_t grown = capacity ? 2 * capacity : 4;
			struct rom_image *images =
				realloc(rom->images, grown * sizeof(*images));
			if (!images) {
				set_error(rom->error, "out of memory");
				return -1;
			}
			rom->images = images;
			capacity = grown;
		}
		struct rom_image *img = &rom->images[rom->count];
		memset(img, 0, sizeof(*img));
		if (parse_structure(data, len, offset, img, rom->error))
			return -1;
		rom->count++;
		if (parse_contents(data, img, max_decompressed))
			rc = -1;
		offset += img->length;
		if (img->last)
			break;
		if (offset == len) {
			set_error(rom->error, "image at offset 0x%zx is the last in the file but lacks the last-image indicator",
				  img->offset);
			return -1;
		}
	}
	rom->trailing_bytes = len - offset;
	return rc;
}

void rom_file_free(struct rom_file *rom)
{
	for (size_t i = 0; i < rom->count; i++) {
		free(rom->images[i].device_list);
		free(rom->images[i].pe_data);
		build_record_free(&rom->images[i].build);
	}
	free(rom->images);
	memset(rom, 0, sizeof(*rom));
}

const char *rom_code_type_name(uint8_t code_type)
{
	switch (code_type) {
	case PCIR_CODE_TYPE_X86:
		return "legacy x86";
	case PCIR_CODE_TYPE_OPEN_FIRMWARE:
		return "Open Firmware";
	case PCIR_CODE_TYPE_HP_PA_RISC:
		return "HP PA-RISC";
	case PCIR_CODE_TYPE_EFI:
		return "EFI";
	default:
		return "unknown";
	}
}
