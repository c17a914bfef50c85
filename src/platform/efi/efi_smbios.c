/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The SMBIOS table (wireboot/smbios.h) from the firmware's configuration
 * table: the 3.x entry point where there is one (its table may lie above
 * 4 GiB), else the 2.x one. Boot services memory is identity-mapped, so
 * the table's physical address is a pointer.
 */

#include <errno.h>
#include <string.h>
#include <wireboot/efi.h>
#include <wireboot/smbios.h>
#include <platform/efi/efi_guid.h>

static const void *config_table(EFI_GUID *guid)
{
	UINTN i;

	for (i = 0; i < efi_system_table->NumberOfTableEntries; i++) {
		EFI_CONFIGURATION_TABLE *entry =
			&efi_system_table->ConfigurationTable[i];

		if (memcmp(&entry->VendorGuid, guid, sizeof(*guid)) == 0)
			return entry->VendorTable;
	}
	return NULL;
}

int smbios_get_table(struct smbios_table *table)
{
	/* Each with the length its version defines. */
	static const struct {
		EFI_GUID *guid;
		size_t len;
	} entry_points[] = {
		{ &efi_smbios3_table_guid, 0x18 },
		{ &efi_smbios_table_guid, 0x1f },
	};
	struct smbios_entry entry;
	unsigned i;

	for (i = 0; i < sizeof(entry_points) / sizeof(entry_points[0]); i++) {
		const void *entry_point = config_table(entry_points[i].guid);

		if (!entry_point ||
		    smbios_parse_entry(entry_point, entry_points[i].len, &entry) ||
		    entry.address != (uintptr_t)entry.address)
			continue;
		table->data = (const uint8_t *)(uintptr_t)entry.address;
		table->len = entry.len;
		table->major = entry.major;
		table->minor = entry.minor;
		return 0;
	}
	return -ENOENT;
}
