/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The "smbios/..." settings scope over the platform's SMBIOS table:
 *   ${uuid}, ${manufacturer}, ${product}, ${serial} (system, type 1),
 *   ${board-serial} (baseboard, type 2), ${asset} (chassis asset tag,
 *   type 3), also unqualified, as scripts of the established language
 *   write them ("chain http://server/boot?serial=${serial:uristring}");
 *   "smbios/<type>.<offset>.<length>" for any field: length bytes at
 *   offset of the first structure of that type (hex), or with length 0
 *   the string the byte at offset numbers; "<instance>.<type>.<offset>.
 *   <length>" for a later structure of the type.
 * The UUID is stored mixed-endian (its first three fields little-endian)
 * from SMBIOS 2.6 on; it is shown in RFC 4122 order.
 */

#include <errno.h>
#include <string.h>
#include <wireboot/settings.h>
#include <wireboot/smbios.h>

PROVIDE_OBJECT(smbios_settings);

#define UUID_LEN 16

struct smbios_field {
	unsigned instance, type, offset, len;	/* len 0: a string */
};

static const struct {
	const char *name;
	struct smbios_field field;
} named_fields[] = {
	{ "uuid", { 0, 1, 0x08, UUID_LEN } },
	{ "manufacturer", { 0, 1, 0x04, 0 } },
	{ "product", { 0, 1, 0x05, 0 } },
	{ "serial", { 0, 1, 0x07, 0 } },
	{ "board-serial", { 0, 2, 0x07, 0 } },
	{ "asset", { 0, 3, 0x08, 0 } },
};

static int field_of(const char *name, bool qualified,
		    struct smbios_field *field)
{
	unsigned long long parts[4];
	size_t i;
	int count;

	for (i = 0; i < sizeof(named_fields) / sizeof(named_fields[0]); i++) {
		if (strcmp(name, named_fields[i].name) == 0) {
			*field = named_fields[i].field;
			return 0;
		}
	}
	count = qualified ? parse_setting_numbers(name, parts, 4) : -1;
	if (count < 3)
		return -ENOENT;
	for (i = 0; i < (size_t)count; i++) {
		if (parts[i] > 0xff)
			return -ENOENT;
	}
	field->instance = count == 4 ? (unsigned)parts[0] : 0;
	field->type = (unsigned)parts[count - 3];
	field->offset = (unsigned)parts[count - 2];
	field->len = (unsigned)parts[count - 1];
	return 0;
}

static int copy_out(const void *value, size_t value_len, void *buf,
		    size_t len)
{
	if (len)
		memcpy(buf, value, value_len < len ? value_len : len);
	return (int)value_len;
}

static int smbios_fetch(const char *name, bool qualified, void *buf,
			size_t len, enum setting_type *type)
{
	struct smbios_table table;
	struct smbios_structure structure;
	struct smbios_field field;
	const char *text;
	size_t text_len;
	int rc = field_of(name, qualified, &field);

	if (rc || smbios_get_table(&table) ||
	    smbios_find(&table, field.type, field.instance, &structure) ||
	    field.offset + (field.len ? field.len : 1) > structure.len)
		return -ENOENT;
	if (field.len == 0) {
		*type = SETTING_STRING;
		if (smbios_string(&structure, structure.data[field.offset],
				  &text, &text_len))
			return -ENOENT;
		return copy_out(text, text_len, buf, len);
	}
	if (strcmp(name, "uuid") == 0) {
		uint8_t uuid[UUID_LEN];
		const uint8_t *raw = structure.data + field.offset;
		bool mixed = table.major > 2 ||
			     (table.major == 2 && table.minor >= 6);

		memcpy(uuid, raw, UUID_LEN);
		if (mixed) {
			static const uint8_t order[8] = { 3, 2, 1, 0, 5, 4, 7, 6 };

			for (unsigned i = 0; i < 8; i++)
				uuid[i] = raw[order[i]];
		}
		*type = SETTING_UUID;
		return copy_out(uuid, UUID_LEN, buf, len);
	}
	*type = SETTING_HEX;
	return copy_out(structure.data + field.offset, field.len, buf, len);
}

SETTINGS_SCOPE(smbios_scope) = { .name = "smbios", .fetch = smbios_fetch };
