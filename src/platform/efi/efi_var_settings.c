/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The "efi/..." settings scope: firmware variables by name, such as
 * ${efi/SecureBoot} (01 when Secure Boot is on) or ${efi/BootCurrent}.
 * A name is looked up under the specification's own GUID first
 * (EFI_GLOBAL_VARIABLE), then under whichever GUID has a variable of that
 * name (the firmware's list, GetNextVariableName). Values show as hex
 * unless a ":type" says otherwise; the scope is read-only.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/efi.h>
#include <wireboot/settings.h>
#include <platform/efi/efi_guid.h>

PROVIDE_OBJECT(efi_var_settings);

/* Variable names as UCS-2, of ASCII names only. */
#define NAME_MAX_CHARS 128

static int to_ucs2(const char *name, CHAR16 *out)
{
	size_t i;

	for (i = 0; name[i]; i++) {
		if (i + 1 >= NAME_MAX_CHARS || (unsigned char)name[i] > 0x7e ||
		    (unsigned char)name[i] < 0x20)
			return -ENOENT;
		out[i] = (CHAR16)name[i];
	}
	out[i] = 0;
	return 0;
}

/* The GUID of the first variable called name in the firmware's list
 * (GetNextVariableName goes on from the name it gave last, in a buffer
 * that grows when a name needs more). */
static int find_vendor(const CHAR16 *name, EFI_GUID *guid)
{
	EFI_RUNTIME_SERVICES *rs = efi_system_table->RuntimeServices;
	UINTN capacity = NAME_MAX_CHARS * sizeof(CHAR16);
	CHAR16 *current = calloc(1, capacity);
	int rc = -ENOENT;

	while (current) {
		UINTN size = capacity;
		EFI_STATUS status = rs->GetNextVariableName(&size, current, guid);
		size_t i;

		if (status == EFI_BUFFER_TOO_SMALL && size > capacity) {
			CHAR16 *grown = realloc(current, size);

			if (!grown)
				break;
			current = grown;
			capacity = size;
			continue;
		}
		if (EFI_ERROR(status))
			break;
		for (i = 0; name[i] && name[i] == current[i]; i++)
			;
		if (!name[i] && !current[i]) {
			rc = 0;
			break;
		}
	}
	free(current);
	return rc;
}

static int efi_var_fetch(const char *name, bool qualified, void *buf,
			 size_t len, enum setting_type *type)
{
	EFI_RUNTIME_SERVICES *rs = efi_system_table->RuntimeServices;
	CHAR16 name16[NAME_MAX_CHARS];
	EFI_GUID guid = efi_global_variable_guid;
	UINTN size = 0;
	EFI_STATUS status;
	void *data;

	if (!qualified || to_ucs2(name, name16))
		return -ENOENT;
	status = rs->GetVariable(name16, &guid, NULL, &size, NULL);
	if (status == EFI_NOT_FOUND) {
		if (find_vendor(name16, &guid))
			return -ENOENT;
		size = 0;
		status = rs->GetVariable(name16, &guid, NULL, &size, NULL);
	}
	*type = SETTING_HEX;
	if (status == EFI_SUCCESS)
		return 0;	/* empty */
	if (status != EFI_BUFFER_TOO_SMALL || size > INT32_MAX)
		return -ENOENT;
	if (size <= len)
		return EFI_ERROR(rs->GetVariable(name16, &guid, NULL, &size, buf))
		       ? -ENOENT : (int)size;
	/* Only part is wanted: the whole value, then what fits. */
	data = malloc(size);
	if (!data)
		return -ENOMEM;
	status = rs->GetVariable(name16, &guid, NULL, &size, data);
	if (len)
		memcpy(buf, data, len);
	free(data);
	return EFI_ERROR(status) ? -ENOENT : (int)size;
}

SETTINGS_SCOPE(efi_var_scope) = { .name = "efi", .fetch = efi_var_fetch };
