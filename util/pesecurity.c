/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "pesecurity.h"

#include <string.h>

#include "byteorder.h"
#include "peinfo.h"

#define DOS_OFF_PE_HEADER 0x3c
#define COFF_OFF_SECTION_COUNT 2
#define COFF_OFF_OPTIONAL_SIZE 16
#define COFF_HEADER_SIZE 20
#define SECTION_HEADER_SIZE 40
#define SECTION_NAME_SIZE 8
/* Data directories follow the fixed part of the optional header, whose
 * length differs between PE32 and PE32+; the count of directories comes
 * just before them. */
#define OPTIONAL_OFF_DIRECTORY_COUNT_PE32 92
#define OPTIONAL_OFF_DIRECTORY_COUNT_PE32_PLUS 108
#define DIRECTORY_SECURITY 4

/* Offsets of the COFF header and the optional header, or -1. */
static int pe_headers(const uint8_t *image, size_t len, size_t *coff,
		      size_t *optional, size_t *optional_size)
{
	size_t pe_offset;

	if (len < DOS_OFF_PE_HEADER + 4)
		return -1;
	pe_offset = get_le32(image + DOS_OFF_PE_HEADER);
	if (pe_offset > len || len - pe_offset < 4 + COFF_HEADER_SIZE ||
	    memcmp(image + pe_offset, "PE\0\0", 4) != 0)
		return -1;
	*coff = pe_offset + 4;
	*optional = *coff + COFF_HEADER_SIZE;
	*optional_size = get_le16(image + *coff + COFF_OFF_OPTIONAL_SIZE);
	if (*optional_size > len - *optional)
		return -1;
	return 0;
}

int pe_find_section(const uint8_t *image, size_t len, const char *name,
		    const uint8_t **data, size_t *data_len)
{
	size_t coff, optional, optional_size, table, count, i;

	if (pe_headers(image, len, &coff, &optional, &optional_size) != 0)
		return -1;
	count = get_le16(image + coff + COFF_OFF_SECTION_COUNT);
	table = optional + optional_size;
	if (table > len || (len - table) / SECTION_HEADER_SIZE < count)
		return -1;
	for (i = 0; i < count; i++) {
		const uint8_t *h = image + table + i * SECTION_HEADER_SIZE;
		char section_name[SECTION_NAME_SIZE + 1] = { 0 };
		size_t virtual_size, raw_size, raw_offset, size;

		memcpy(section_name, h, SECTION_NAME_SIZE);
		if (strcmp(section_name, name) != 0)
			continue;
		virtual_size = get_le32(h + 8);
		raw_size = get_le32(h + 16);
		raw_offset = get_le32(h + 20);
		/* What the file holds of the section: the loader zero-fills
		 * the rest of its virtual size, which holds no text. */
		size = virtual_size < raw_size ? virtual_size : raw_size;
		if (raw_offset > len || size > len - raw_offset)
			return -1;
		*data = image + raw_offset;
		*data_len = size;
		return 0;
	}
	return -1;
}

size_t pe_signature_size(const uint8_t *image, size_t len)
{
	size_t coff, optional, optional_size, count_offset, directory;
	uint16_t magic;

	if (pe_headers(image, len, &coff, &optional, &optional_size) != 0 ||
	    optional_size < 2)
		return 0;
	magic = get_le16(image + optional);
	count_offset = magic == PE_OPTIONAL_MAGIC_PE32_PLUS ?
		OPTIONAL_OFF_DIRECTORY_COUNT_PE32_PLUS :
		OPTIONAL_OFF_DIRECTORY_COUNT_PE32;
	if (optional_size < count_offset + 4 ||
	    get_le32(image + optional + count_offset) <= DIRECTORY_SECURITY)
		return 0;
	directory = optional + count_offset + 4 + 8 * DIRECTORY_SECURITY;
	if (optional_size < directory - optional + 8)
		return 0;
	/* The security directory's "address" is a file offset. */
	if (get_le32(image + directory) == 0)
		return 0;
	return get_le32(image + directory + 4);
}

void pe_print_secure_boot(FILE *out, const char *indent, const uint8_t *image,
			  size_t len)
{
	const uint8_t *sbat;
	size_t sbat_len, start, end, signature;

	if (pe_find_section(image, len, ".sbat", &sbat, &sbat_len) != 0) {
		fprintf(out, "%sSBAT: none\n", indent);
	} else {
		for (start = 0; start < sbat_len && sbat[start]; start = end + 1) {
			for (end = start; end < sbat_len && sbat[end] &&
			     sbat[end] != '\n'; end++)
				;
			fprintf(out, "%sSBAT: %.*s\n", indent, (int)(end - start),
				(const char *)sbat + start);
		}
	}
	signature = pe_signature_size(image, len);
	if (signature)
		fprintf(out, "%ssigned: yes (%zu-byte certificate table)\n",
			indent, signature);
	else
		fprintf(out, "%ssigned: no\n", indent);
}
