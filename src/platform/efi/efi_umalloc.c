/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Large buffers from the firmware's page allocator (see umalloc.h). */

#include <stdlib.h>
#include <wireboot/efi.h>
#include <wireboot/umalloc.h>

static UINTN pages_for(size_t len)
{
	return (len + EFI_PAGE_SIZE - 1) / EFI_PAGE_SIZE;
}

void *umalloc(size_t len)
{
	EFI_PHYSICAL_ADDRESS address;
	EFI_MEMORY_TYPE type = efi_loaded_image ?
			       efi_loaded_image->ImageDataType :
			       EfiBootServicesData;

	if (len == 0 || len > SIZE_MAX - EFI_PAGE_SIZE)
		return NULL;
	if (EFI_ERROR(efi_boot_services->AllocatePages(
		    AllocateAnyPages, type, pages_for(len), &address)))
		return NULL;
	return (void *)(uintptr_t)address;
}

void ufree(void *ptr, size_t len)
{
	if (ptr)
		efi_boot_services->FreePages((EFI_PHYSICAL_ADDRESS)(uintptr_t)ptr,
					     pages_for(len));
}

/* The sum of the conventional memory in the firmware's memory map. */
size_t umalloc_available(void)
{
	UINTN size = 0, key, desc_size;
	UINT32 version;
	uint8_t *map;
	uint64_t pages = 0;
	UINTN offset;
	EFI_STATUS status;

	status = efi_boot_services->GetMemoryMap(&size, NULL, &key, &desc_size,
						 &version);
	if (status != EFI_BUFFER_TOO_SMALL || !desc_size)
		return 0;
	/* Room for the descriptors our own allocation adds. */
	size += 4 * desc_size;
	map = malloc(size);
	if (!map)
		return 0;
	status = efi_boot_services->GetMemoryMap(
		&size, (EFI_MEMORY_DESCRIPTOR *)map, &key, &desc_size, &version);
	if (!EFI_ERROR(status)) {
		for (offset = 0; offset + desc_size <= size; offset += desc_size) {
			const EFI_MEMORY_DESCRIPTOR *desc =
				(const EFI_MEMORY_DESCRIPTOR *)(map + offset);

			if (desc->Type == EfiConventionalMemory)
				pages += desc->NumberOfPages;
		}
	}
	free(map);
	if (pages > SIZE_MAX / EFI_PAGE_SIZE)
		return SIZE_MAX;
	return (size_t)(pages * EFI_PAGE_SIZE);
}
