/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The heap, over the firmware's pool allocator. Each block carries its size
 * in front so that realloc can copy; the header is 16 bytes to keep the 16-byte
 * alignment callers expect.
 */

#include <stdlib.h>
#include <string.h>
#include <wireboot/efi.h>

struct block_header {
	size_t size;
	unsigned char reserved[16 - sizeof(size_t)];	/* 4 or 8 bytes */
};

_Static_assert(sizeof(struct block_header) == 16, "heap header keeps alignment");

/* Allocations belong to the image: loader data for an application,
 * boot-services data for a driver, as the loaded image says. */
static EFI_MEMORY_TYPE heap_memory_type(void)
{
	return efi_loaded_image ? efi_loaded_image->ImageDataType :
				  EfiBootServicesData;
}

void *malloc(size_t size)
{
	struct block_header *header;
	void *buffer;

	if (size > SIZE_MAX - sizeof(*header))
		return NULL;
	if (EFI_ERROR(efi_boot_services->AllocatePool(
		    heap_memory_type(), sizeof(*header) + size, &buffer)))
		return NULL;
	header = buffer;
	header->size = size;
	return header + 1;
}

void *zalloc(size_t size)
{
	void *ptr = malloc(size);

	if (ptr)
		memset(ptr, 0, size);
	return ptr;
}

void *calloc(size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		return NULL;
	return zalloc(count * size);
}

void free(void *ptr)
{
	if (ptr)
		efi_boot_services->FreePool((struct block_header *)ptr - 1);
}

void *realloc(void *ptr, size_t size)
{
	struct block_header *header;
	void *grown;

	if (!ptr)
		return malloc(size);
	header = (struct block_header *)ptr - 1;
	if (size <= header->size) {
		header->size = size;
		return ptr;
	}
	grown = malloc(size);
	if (grown) {
		memcpy(grown, ptr, header->size);
		free(ptr);
	}
	return grown;
}
