/* Large buffers from the firmware's page allocator (see umalloc.h). */

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
