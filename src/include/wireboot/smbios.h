/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_SMBIOS_H
#define WIREBOOT_SMBIOS_H

/*
 * SMBIOS (DMTF DSP0134): the firmware's table of what the machine is.
 * src/core/smbios.c parses it (entry points of version 2 "_SM_" and 3
 * "_SM3_", structures, their strings) without touching the machine, so it
 * is tested and fuzzed on bytes; the platform finds the table
 * (smbios_get_table(), EFI: the configuration table) and
 * src/core/smbios_settings.c shows it as the "smbios/..." settings.
 */

#include <stddef.h>
#include <stdint.h>

struct smbios_table {
	const uint8_t *data;
	size_t len;
	unsigned major, minor;	/* the version the entry point gives */
};

/* Where an entry point says the table is. */
struct smbios_entry {
	uint64_t address;
	size_t len;		/* exact (2.x) or the most it may be (3.x) */
	unsigned major, minor;
};

/* A structure of the table: its formatted part (type, length, handle,
 * fields) and the strings that follow it. */
struct smbios_structure {
	const uint8_t *data;
	size_t len;		/* of the formatted part, at least 4 */
	const uint8_t *strings;
	size_t strings_len;	/* up to and without the final NUL pair */
};

/* Checks an entry point of len bytes (signature, length, checksum) and
 * reads where its table is. 0 or -EINVAL. */
int smbios_parse_entry(const void *entry_point, size_t len,
		       struct smbios_entry *entry);

/* The instance-th (from 0) structure of type in the table; 0, -ENOENT, or
 * -EINVAL when the table is malformed before it is found. */
int smbios_find(const struct smbios_table *table, unsigned type,
		unsigned instance, struct smbios_structure *found);

/* String number index (from 1, as structures number them) of a structure:
 * *text is not NUL-terminated, *len is its length. 0 or -ENOENT. */
int smbios_string(const struct smbios_structure *structure, unsigned index,
		  const char **text, size_t *len);

/* The platform's table: 0, or -ENOENT when the firmware has none. */
int smbios_get_table(struct smbios_table *table);

#endif
