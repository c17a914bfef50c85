/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The SMBIOS parser (see wireboot/smbios.h), from DSP0134:
 *   2.1 entry point "_SM_": length at 0x05, version at 0x06-0x07,
 *     "_DMI_" at 0x10, table length (16 bits) at 0x16, address (32 bits)
 *     at 0x18; its bytes sum to 0 (and the 15 from 0x10 as well);
 *   3.0 entry point "_SM3_": length at 0x06, version at 0x07-0x08, table
 *     maximum size (32 bits) at 0x0c, address (64 bits) at 0x10; its
 *     bytes sum to 0;
 *   a structure: type, length of the formatted part (at least 4), handle,
 *     fields, then its strings, each NUL-terminated, the set ended by a
 *     second NUL (two NULs when there are none); type 127 ends the table.
 * Table data comes from the firmware and is not trusted: every length is
 * checked against what is left.
 */

#include <errno.h>
#include <string.h>
#include <wireboot/smbios.h>

#define SMBIOS_END_OF_TABLE 127

static uint8_t checksum(const uint8_t *data, size_t len)
{
	uint8_t sum = 0;

	while (len--)
		sum = (uint8_t)(sum + *data++);
	return sum;
}

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

int smbios_parse_entry(const void *entry_point, size_t len,
		       struct smbios_entry *entry)
{
	const uint8_t *ep = entry_point;

	if (len >= 0x18 && memcmp(ep, "_SM3_", 5) == 0) {
		if (ep[6] < 0x18 || ep[6] > len || checksum(ep, ep[6]))
			return -EINVAL;
		entry->major = ep[7];
		entry->minor = ep[8];
		entry->len = le32(ep + 0x0c);
		entry->address = le32(ep + 0x10) |
				 (uint64_t)le32(ep + 0x14) << 32;
		return 0;
	}
	if (len >= 0x1f && memcmp(ep, "_SM_", 4) == 0) {
		if (ep[5] < 0x1f || ep[5] > len || checksum(ep, ep[5]) ||
		    memcmp(ep + 0x10, "_DMI_", 5) != 0 ||
		    checksum(ep + 0x10, 0x0f))
			return -EINVAL;
		entry->major = ep[6];
		entry->minor = ep[7];
		entry->len = (size_t)ep[0x16] | (size_t)ep[0x17] << 8;
		entry->address = le32(ep + 0x18);
		return 0;
	}
	return -EINVAL;
}

/* The structure at offset; returns the offset of the next one, or 0 when
 * this one does not fit in the table. */
static size_t read_structure(const struct smbios_table *table, size_t offset,
			     struct smbios_structure *structure)
{
	const uint8_t *p = table->data + offset;
	size_t left = table->len - offset, i;

	if (left < 4 || p[1] < 4 || p[1] > left)
		return 0;
	structure->data = p;
	structure->len = p[1];
	structure->strings = p + p[1];
	/* The string set ends at the first pair of NULs. */
	for (i = p[1]; i + 1 < left; i++) {
		if (p[i] == 0 && p[i + 1] == 0) {
			structure->strings_len = i - p[1];
			return offset + i + 2;
		}
	}
	return 0;
}

int smbios_find(const struct smbios_table *table, unsigned type,
		unsigned instance, struct smbios_structure *found)
{
	size_t offset = 0;

	while (offset < table->len) {
		struct smbios_structure structure;
		size_t next = read_structure(table, offset, &structure);

		if (!next)
			return -EINVAL;
		if (structure.data[0] == type && instance-- == 0) {
			*found = structure;
			return 0;
		}
		if (structure.data[0] == SMBIOS_END_OF_TABLE)
			break;
		offset = next;
	}
	return -ENOENT;
}

int smbios_string(const struct smbios_structure *structure, unsigned index,
		  const char **text, size_t *len)
{
	const uint8_t *p = structure->strings;
	const uint8_t *end = p + structure->strings_len;

	/* String 0 is "none". */
	if (index == 0)
		return -ENOENT;
	while (p < end) {
		const uint8_t *nul = memchr(p, 0, (size_t)(end - p));
		size_t string_len = nul ? (size_t)(nul - p) : (size_t)(end - p);

		if (--index == 0) {
			*text = (const char *)p;
			*len = string_len;
			return 0;
		}
		p += string_len + 1;
	}
	return -ENOENT;
}
