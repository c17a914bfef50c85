/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The chain-load test program: proves that an image we started really ran
 * and what it was given. It prints a fixed marker with its load options,
 * the wireboot drivers the firmware runs (so that a boot through an
 * option ROM shows whose driver carried it), then powers the machine off
 * so that the test ends by itself.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <efi/protocol/component_name2.h>
#include <wireboot/efi.h>
#include <wireboot/main.h>
#include <wireboot/utf.h>

#define NAME_LEN 80

/* Every driver whose English component name starts with "wireboot ". */
static void print_wireboot_drivers(void)
{
	static EFI_GUID name2_guid = EFI_COMPONENT_NAME2_PROTOCOL_GUID;
	static CHAR8 english[] = "en";
	EFI_HANDLE *handles;
	UINTN count, i;

	if (EFI_ERROR(efi_boot_services->LocateHandleBuffer(
		    ByProtocol, &name2_guid, NULL, &count, &handles)))
		return;
	for (i = 0; i < count; i++) {
		EFI_COMPONENT_NAME2_PROTOCOL *names;
		CHAR16 *name;
		char text[NAME_LEN];

		if (EFI_ERROR(efi_boot_services->HandleProtocol(
			    handles[i], &name2_guid, (VOID **)&names)) ||
		    EFI_ERROR(names->GetDriverName(names, english, &name)))
			continue;
		utf16_to_utf8(text, sizeof(text), name, NAME_LEN);
		if (strncmp(text, "wireboot ", 9) == 0)
			printf("WIREBOOT-TESTPROG: driver: %s\n", text);
	}
	efi_boot_services->FreePool(handles);
}

int wireboot_main(void)
{
	char *options = efi_load_options();

	printf("\nWIREBOOT-TESTPROG: started, load options: [%s]\n",
	       options ? options : "");
	free(options);
	print_wireboot_drivers();
	efi_poweroff();
	return 0;
}
