/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef UTIL_ROMPARSE_H
#define UTIL_ROMPARSE_H

/*
 * Parser for whole PCI option ROM files: walks the chain of images
 * (legacy, EFI, others) by their PCIR image length until the last-image
 * indicator, and for EFI images decompresses the payload and reads its PE
 * header and wireboot build record. Every offset is bounds checked; errors
 * are one-line messages naming what is wrong and where.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "build_record.h"
#include "peinfo.h"

#define ROM_PARSE_ERROR_LEN 200

struct rom_image {
	size_t offset;			/* in the file */
	size_t length;			/* PCIR image length, bytes */
	uint8_t code_type;
	bool last;

	uint16_t vendor_id, device_id;
	uint8_t pcir_revision;
	uint16_t pcir_length;
	uint32_t class_code;		/* base << 16 | sub << 8 | interface */
	uint16_t code_revision;
	uint16_t *device_list;		/* revision 3, malloc()ed */
	size_t device_count;

	size_t initialization_size;	/* bytes; the checksummed range */
	bool checksum_ok;

	/* code_type == PCIR_CODE_TYPE_EFI only */
	uint16_t efi_subsystem, efi_machine, compression_type;
	uint16_t efi_image_offset;
	size_t stored_size;		/* PE image as stored (maybe compressed) */
	size_t pe_size;			/* PE image after decompression */
	uint8_t *pe_data;		/* that image, malloc()ed, or NULL */
	bool pe_ok;
	struct pe_info pe;
	bool has_build_record;
	struct build_record build;

	char error[ROM_PARSE_ERROR_LEN];	/* empty if the image is fine */
};

struct rom_file {
	struct rom_image *images;
	size_t count;
	size_t trailing_bytes;		/* after the last image */
	char error[ROM_PARSE_ERROR_LEN];	/* why the chain walk stopped */
};

/*
 * Parse a ROM file held in memory. Images that parsed before an error are
 * kept. Returns 0 when the chain and every image are fine, -1 otherwise
 * (see rom->error and each image's error). max_decompressed bounds the
 * memory spent on a compressed EFI image. Free with rom_file_free().
 */
int rom_parse(const uint8_t *data, size_t len, size_t max_decompressed,
	      struct rom_file *rom);

void rom_file_free(struct rom_file *rom);

const char *rom_code_type_name(uint8_t code_type);

#endif
