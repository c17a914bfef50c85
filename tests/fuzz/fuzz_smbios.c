/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/smbios.c src/core/string.c
/* The SMBIOS parser on arbitrary bytes: as an entry point, and as a table
 * in which every type's first instances and all their strings are
 * looked up. The input is the table itself (exact size for ASan). */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/smbios.h>

int wb_smbios_parse_entry(const void *entry_point, size_t len,
			  struct smbios_entry *entry);
int wb_smbios_find(const struct smbios_table *table, unsigned type,
		   unsigned instance, struct smbios_structure *found);
int wb_smbios_string(const struct smbios_structure *structure, unsigned index,
		     const char **text, size_t *len);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct smbios_table table = { .data = data, .len = size, .major = 3 };
	struct smbios_entry entry;
	unsigned type, instance, index;

	wb_smbios_parse_entry(data, size, &entry);
	for (type = 0; type < 4; type++) {
		for (instance = 0; instance < 3; instance++) {
			struct smbios_structure s;

			if (wb_smbios_find(&table, type, instance, &s))
				break;
			if (s.data < data || s.data + s.len > data + size ||
			    s.strings + s.strings_len > data + size)
				abort();
			for (index = 1; index < 256; index++) {
				const char *text;
				size_t len;

				if (wb_smbios_string(&s, index, &text, &len))
					break;
				if ((const uint8_t *)text + len > data + size)
					abort();
			}
		}
	}
	return 0;
}
